package org.hotline.cti.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.testing.AmiFixtures;
import org.junit.jupiter.api.Test;

class MemberResyncDuringTransferTests {

    @Test
    void aMemberListArrivingDuringTheConsultationKeepsTheTargetsAnswer() {
        List<AmiMessage> frames = AmiFixtures.messages("live/atxfer-completed.ami.txt");
        Replay r = new Replay();
        int dialBegins = 0;
        for (AmiMessage m : frames) {
            if ("DialBegin".equals(m.eventName()) && ++dialBegins == 3) {
                memberList(r);
            }
            r.apply(m);
        }
        assertThat(r.lines(e -> e instanceof CallAnswered)).hasSize(2);
    }

    @Test
    void aMemberListArrivingJustAfterTheConsultationStartedKeepsTheTargetsAnswer() {
        List<AmiMessage> frames = AmiFixtures.messages("live/atxfer-completed.ami.txt");
        Replay r = new Replay();
        int dialBegins = 0;
        boolean injected = false;
        for (AmiMessage m : frames) {
            r.apply(m);
            if ("DialBegin".equals(m.eventName()) && ++dialBegins == 3) {
                injected = true;
            } else if (injected && "DialEnd".equals(m.eventName())) {
                memberList(r);
                injected = false;
            }
        }
        assertThat(r.lines(e -> e instanceof CallAnswered)).hasSize(2);
    }

    private static void memberList(Replay r) {
        r.tracker.expectMemberList();
        r.apply(AmiMessage.of("Response", "Success", "ActionID", "rs1", "EventList", "start", "Message",
                "Queue status will follow"));
        r.apply(AmiMessage.of("Event", "QueueParams", "Queue", "hotline", "ActionID", "rs1"));
        r.apply(member("1001", "2", "0", "1"));
        r.apply(member("1002", "2", "1", "1"));
        r.apply(AmiMessage.of("Event", "QueueStatusComplete", "ActionID", "rs1", "EventList", "Complete",
                "ListItems", "3"));
    }

    private static AmiMessage member(String ext, String status, String paused, String inCall) {
        return AmiMessage.of("Event", "QueueMember", "Queue", "hotline", "Name", "Agent " + ext, "Location",
                "Local/" + ext + "@agents/n", "StateInterface", "hint:" + ext + "@agents", "Membership", "dynamic",
                "Penalty", "0", "CallsTaken", "0", "LastCall", "0", "InCall", inCall, "Status", status, "Paused",
                paused, "PausedReason", "", "ActionID", "rs1");
    }
}
