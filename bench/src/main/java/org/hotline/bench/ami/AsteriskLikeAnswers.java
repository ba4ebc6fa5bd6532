package org.hotline.bench.ami;

import java.util.List;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.ScriptedAmiPeer;
import org.hotline.cti.testing.AmiFixtures;

/**
 * Teaches the loopback peer the answers asterisk-java asks for around its login ({@code CoreSettings}, the CLI
 * {@code core show version}), replayed from {@code 00-version-listcommands} with the client's ActionID.
 */
final class AsteriskLikeAnswers {

    private AsteriskLikeAnswers() {
    }

    static void install(ScriptedAmiPeer peer) {
        List<AmiMessage> recorded = AmiFixtures.messages("00-version-listcommands.ami.txt");
        AmiMessage coreSettings = byActionId(recorded, "coresettings-3");
        AmiMessage version = byActionId(recorded, "command-5");
        peer.on("CoreSettings", (a, c) -> c.write(replay(coreSettings, a.actionId())));
        peer.on("Command", (a, c) -> c.write(replay(version, a.actionId())));
    }

    private static AmiMessage byActionId(List<AmiMessage> frames, String id) {
        return frames.stream().filter(m -> id.equals(m.actionId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("00-version-listcommands: no response " + id));
    }

    private static String replay(AmiMessage recorded, String actionId) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < recorded.size(); i++) {
            String value = recorded.name(i).equals("ActionID") ? actionId : recorded.value(i);
            if (recorded.name(i).equals("ActionID") && actionId == null) {
                continue;
            }
            sb.append(recorded.name(i)).append(": ").append(value).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }
}
