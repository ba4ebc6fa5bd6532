package org.hotline.cti.screenpop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRingStopped;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallHoldChanged;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallQueued;
import org.hotline.cti.call.CallTransferred;
import org.hotline.cti.call.Caller;
import org.hotline.cti.call.CallerIdentified;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.screenpop.ScreenPop;
import org.hotline.cti.screenpop.ScreenPop.Status;
import org.junit.jupiter.api.Test;

class PopBookTests {

    private static final CallId CALL = new CallId("1795434946.0");
    private static final AgentInterface A1001 = AgentInterface.of("Local/1001@agents/n");
    private static final AgentInterface A1002 = AgentInterface.of("Local/1002@agents/n");
    private static final AgentInterface STRANGER = AgentInterface.of("PJSIP/9999");
    private static final Caller ZHANG = new Caller("13800138000", "张三");
    private static final Instant T0 = Instant.parse("2026-11-23T11:55:47Z");

    private final List<PhoneNumber> lookedUp = new ArrayList<>();
    private final PopBook book = new PopBook(new PopBook.Lookups(
            i -> i.equals(STRANGER) ? Optional.empty() : Optional.of("agent" + i.value().replaceAll("\\D", "")),
            new PhoneNumbers(PhoneProperties.defaults())::normalize,
            n -> {
                lookedUp.add(n);
                return n.normalized().equals("13800138000") ? List.of(card(1, "张三")) : List.of();
            },
            account -> account.equals("3300001") ? Optional.of(card(7, "李四")) : Optional.empty()),
            List.of("IVR_ACCOUNT", "HOTLINE_IVR_PATH"), List.of("HOTLINE_ACCOUNT", "IVR_ACCOUNT"));

    private static CustomerCard card(long id, String name) {
        return new CustomerCard(id, "C000" + id, name, CustomerCard.Kind.RESIDENTIAL, false, false, "建设南路1号",
                BigDecimal.TEN, List.of(), List.of(), List.of());
    }

    private static AgentRinging ring(AgentInterface agent, Instant at) {
        return new AgentRinging(CALL, agent, "Agent", "hotline", ZHANG, Duration.ofSeconds(3),
                Map.of("IVR_CHOICE", "1"), at);
    }

    private List<ScreenPop> queuedThenRinging() {
        book.apply(new CallQueued(CALL, "hotline", ZHANG, 1,
                Map.of("HOTLINE_IVR_PATH", "1>2", "IVR_ACCOUNT", "2024001"), T0));
        return book.apply(ring(A1001, T0.plusSeconds(3)));
    }

    @Test
    void ringingPopsTheCallersCustomersWithTheConfiguredVariablesOnly() {
        ScreenPop pop = queuedThenRinging().get(0);
        assertThat(pop.agent()).isEqualTo("agent1001");
        assertThat(pop.status()).isEqualTo(Status.RINGING);
        assertThat(pop.normalizedNumber()).isEqualTo("13800138000");
        assertThat(pop.customers()).extracting(CustomerCard::name).containsExactly("张三");
        assertThat(pop.variables()).containsOnly(Map.entry("IVR_ACCOUNT", "2024001"), Map.entry("HOTLINE_IVR_PATH", "1>2"));
        assertThat(pop.waitedSeconds()).isEqualTo(3);
    }

    @Test
    void aCallerIdentifiedInTheIvrIsLookedUpThenAndTheRingUsesThoseCards() {
        book.apply(new CallerIdentified(CALL, ZHANG, T0.minusSeconds(20)));
        assertThat(lookedUp).extracting(PhoneNumber::normalized).containsExactly("13800138000");

        ScreenPop pop = queuedThenRinging().get(0);
        assertThat(pop.customers()).extracting(CustomerCard::name).containsExactly("张三");
        assertThat(lookedUp).hasSize(1);
    }

    @Test
    void anIvrThatChangesTheNumberOrACallThatEndsLeavesNoStaleCards() {
        book.apply(new CallerIdentified(CALL, new Caller("02788886666", ""), T0.minusSeconds(20)));
        queuedThenRinging();
        assertThat(lookedUp).extracting(PhoneNumber::normalized).containsExactly("02788886666", "13800138000");

        CallId other = new CallId("1795434999.9");
        book.apply(new CallerIdentified(other, ZHANG, T0));
        book.apply(new CallEnded(other, ZHANG, 16, "Normal Clearing", T0.plusSeconds(1)));
        book.apply(new CallQueued(other, "hotline", ZHANG, 1, Map.of(), T0.plusSeconds(2)));
        assertThat(lookedUp).hasSize(4);
    }

    @Test
    void customersAreLookedUpOncePerCallWhileItWaits() {
        book.apply(new CallQueued(CALL, "hotline", ZHANG, 1, Map.of(), T0));
        assertThat(lookedUp).hasSize(1);
        book.apply(ring(A1001, T0.plusSeconds(1)));
        book.apply(ring(A1002, T0.plusSeconds(2)));
        assertThat(lookedUp).hasSize(1);
    }

    @Test
    void answerAndEndUpdateTheSamePopWithHigherVersions() {
        ScreenPop ringing = queuedThenRinging().get(0);
        ScreenPop answered = book.apply(new CallAnswered(CALL, A1001, "Agent 1001", "hotline", ZHANG,
                Duration.ofSeconds(3), T0.plusSeconds(5))).get(0);
        ScreenPop ended = book.apply(new CallEnded(CALL, ZHANG, 16, "Normal Clearing", T0.plusSeconds(60))).get(0);
        assertThat(List.of(ringing, answered, ended)).extracting(ScreenPop::status)
                .containsExactly(Status.RINGING, Status.ANSWERED, Status.ENDED);
        assertThat(answered.version()).isGreaterThan(ringing.version());
        assertThat(ended.version()).isGreaterThan(answered.version());
        assertThat(ended.callId()).isEqualTo(ringing.callId());
        assertThat(book.size()).isZero();
    }

    @Test
    void theTargetOfAnAttendedTransferGetsAPopWithTheCustomerAndTheTransfererKeepsTransferred() {
        queuedThenRinging();
        book.apply(new CallAnswered(CALL, A1001, "Agent 1001", "hotline", ZHANG, Duration.ofSeconds(3),
                T0.plusSeconds(5)));
        book.apply(new CallHoldChanged(CALL, A1001, true, T0.plusSeconds(10)));
        book.apply(new CallHoldChanged(CALL, A1001, false, T0.plusSeconds(20)));
        List<ScreenPop> transferred = book.apply(new CallTransferred(CALL, CallTransferred.Kind.ATTENDED, A1001,
                A1002.value(), T0.plusSeconds(20)));
        List<ScreenPop> target = book.apply(new CallAnswered(CALL, A1002, null, "hotline", ZHANG, Duration.ZERO,
                T0.plusSeconds(20)));

        assertThat(transferred).singleElement().satisfies(p -> {
            assertThat(p.agent()).isEqualTo("agent1001");
            assertThat(p.status()).isEqualTo(Status.TRANSFERRED);
        });
        assertThat(target).singleElement().satisfies(p -> {
            assertThat(p.agent()).isEqualTo("agent1002");
            assertThat(p.status()).isEqualTo(Status.ANSWERED);
            assertThat(p.callerNumber()).isEqualTo("13800138000");
            assertThat(p.customers()).extracting(CustomerCard::name).containsExactly("张三");
        });
    }

    @Test
    void holdAndResumeAreThePopsStatusAndAHeldCallIsStillLive() {
        queuedThenRinging();
        book.apply(new CallAnswered(CALL, A1001, "Agent 1001", "hotline", ZHANG, Duration.ZERO, T0.plusSeconds(5)));
        ScreenPop held = book.apply(new CallHoldChanged(CALL, A1001, true, T0.plusSeconds(10))).get(0);
        ScreenPop resumed = book.apply(new CallHoldChanged(CALL, A1001, false, T0.plusSeconds(20))).get(0);
        assertThat(held.status()).isEqualTo(Status.HELD);
        assertThat(held.live()).isTrue();
        assertThat(resumed.status()).isEqualTo(Status.ANSWERED);
        assertThat(resumed.version()).isGreaterThan(held.version());
    }

    @Test
    void aHeldCallThatIsTransferredSaysTransferred() {
        queuedThenRinging();
        book.apply(new CallAnswered(CALL, A1001, "Agent 1001", "hotline", ZHANG, Duration.ZERO, T0.plusSeconds(5)));
        book.apply(new CallHoldChanged(CALL, A1001, true, T0.plusSeconds(10)));
        List<ScreenPop> out = book.apply(new CallTransferred(CALL, CallTransferred.Kind.BLIND, A1001, "1002@agents",
                T0.plusSeconds(12)));
        assertThat(out).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(Status.TRANSFERRED));
    }

    @Test
    void aCallTheAgentPlacedPopsAsOutboundAndKeepsItThroughItsStates() {
        ScreenPop ringing = book.apply(new AgentRinging(CALL, A1001, "Agent 1001", null, ZHANG, Duration.ZERO,
                Map.of(), T0, true)).get(0);
        ScreenPop answered = book.apply(new CallAnswered(CALL, A1001, "Agent 1001", null, ZHANG, Duration.ZERO,
                T0.plusSeconds(4))).get(0);
        assertThat(ringing.outbound()).isTrue();
        assertThat(answered.outbound()).isTrue();
        assertThat(queuedThenRingingOther().outbound()).isFalse();
    }

    private ScreenPop queuedThenRingingOther() {
        CallId other = new CallId("1795434999.1");
        return book.apply(new AgentRinging(other, A1002, "Agent", "hotline", ZHANG, Duration.ZERO, Map.of(), T0))
                .get(0);
    }

    @Test
    void ringNoAnswerMissesOnlyThatAgentsPop() {
        queuedThenRinging();
        book.apply(ring(A1002, T0.plusSeconds(4)));
        List<ScreenPop> missed = book.apply(new AgentRingStopped(CALL, A1001, "hotline",
                AgentRingStopped.Reason.NO_ANSWER, Duration.ofMillis(15000), T0.plusSeconds(18)));
        assertThat(missed).singleElement().satisfies(p -> {
            assertThat(p.agent()).isEqualTo("agent1001");
            assertThat(p.status()).isEqualTo(Status.MISSED);
        });
        List<ScreenPop> ended = book.apply(new CallEnded(CALL, ZHANG, 16, "", T0.plusSeconds(30)));
        assertThat(ended).singleElement().satisfies(p -> assertThat(p.agent()).isEqualTo("agent1002"));
    }

    @Test
    void transferMarksTheTransferringAgentsPop() {
        queuedThenRinging();
        book.apply(new CallAnswered(CALL, A1001, "Agent 1001", "hotline", ZHANG, Duration.ZERO, T0.plusSeconds(5)));
        List<ScreenPop> out = book.apply(new CallTransferred(CALL, CallTransferred.Kind.BLIND, A1001, "2001@agents",
                T0.plusSeconds(20)));
        assertThat(out).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(Status.TRANSFERRED));
    }

    @Test
    void ringToAnInterfaceNoAccountHasPopsNothing() {
        book.apply(new CallQueued(CALL, "hotline", ZHANG, 1, Map.of(), T0));
        assertThat(book.apply(ring(STRANGER, T0.plusSeconds(1)))).isEmpty();
    }

    @Test
    void withheldNumberPopsWithoutLookingAnyoneUp() {
        Caller anonymous = new Caller("anonymous", "");
        List<ScreenPop> out = book.apply(new AgentRinging(CALL, A1001, "Agent 1001", null, anonymous, Duration.ZERO,
                Map.of(), T0));
        assertThat(out).singleElement().satisfies(p -> {
            assertThat(p.customers()).isEmpty();
            assertThat(p.normalizedNumber()).isEmpty();
            assertThat(p.queue()).isNull();
        });
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void answerOfACallNeverSeenRingingStillPops() {
        List<ScreenPop> out = book.apply(new CallAnswered(CALL, A1001, "Agent 1001", null, ZHANG, Duration.ZERO, T0));
        assertThat(out).extracting(ScreenPop::status).containsExactly(Status.ANSWERED);
        assertThat(out.get(0).customers()).extracting(CustomerCard::name).containsExactly("张三");
    }

    @Test
    void accountKeyedInTheIvrPutsItsCustomerFirst() {
        book.apply(new CallQueued(CALL, "hotline", ZHANG, 1, Map.of("IVR_ACCOUNT", "3300001"), T0));
        ScreenPop pop = book.apply(ring(A1001, T0.plusSeconds(1))).get(0);
        assertThat(pop.customers()).extracting(CustomerCard::name).containsExactly("李四", "张三");
    }

    @Test
    void unknownKeyedAccountLeavesThePhoneMatches() {
        book.apply(new CallQueued(CALL, "hotline", ZHANG, 1, Map.of("IVR_ACCOUNT", "999"), T0));
        ScreenPop pop = book.apply(new AgentRinging(CALL, A1001, "Agent", "hotline", ZHANG, Duration.ZERO, Map.of(), T0))
                .get(0);
        assertThat(pop.customers()).extracting(CustomerCard::name).containsExactly("张三");
    }

    @Test
    void hostileCallerNameIsKeptAsData() {
        Caller hostile = new Caller("13800138000", "<img src=x onerror=alert(1)>");
        ScreenPop pop = book.apply(new AgentRinging(CALL, A1001, "Agent 1001", "hotline", hostile, Duration.ZERO,
                Map.of(), T0)).get(0);
        assertThat(pop.callerName()).isEqualTo("<img src=x onerror=alert(1)>");
    }
}
