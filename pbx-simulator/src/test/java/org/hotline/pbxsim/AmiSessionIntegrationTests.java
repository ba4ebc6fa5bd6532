package org.hotline.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmiSessionIntegrationTests {

    private PbxSimulator pbx;

    @BeforeEach
    void start() {
        pbx = PbxSimulator.start(SimulatorConfig.defaults());
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void bannerIsOneLineWithoutBlankLineAfterIt() {
        try (AmiTestClient c = new AmiTestClient(pbx.port())) {
            assertThat(c.banner()).isEqualTo("Asterisk Call Manager/13.0.0");
            c.action("Ping");
            assertThat(c.rawText()).startsWith("Asterisk Call Manager/13.0.0\r\nResponse: Error\r\n");
        }
    }

    @Test
    void loginAcceptedThenFullyBootedAndSuccessfulAuth() {
        try (AmiTestClient c = AmiTestClient.loggedIn(pbx.port())) {
            AmiTestClient.Msg login = c.messages().get(0);
            assertThat(login.headers()).extracting(e -> e.getKey()).containsExactly("Response", "ActionID", "Message");
            assertThat(login.get("Message")).isEqualTo("Authentication accepted");
            AmiTestClient.Msg booted = c.awaitMessage(m -> m.isEvent("FullyBooted"));
            assertThat(booted.get("Status")).isEqualTo("Fully Booted");
            assertThat(booted.get("Timestamp")).isNull();
            assertThat(c.awaitMessage(m -> m.isEvent("SuccessfulAuth")).get("AccountID")).isEqualTo("hotline");
        }
    }

    @Test
    void wrongSecretIsRefusedAndTheSessionEnds() {
        try (AmiTestClient c = new AmiTestClient(pbx.port())) {
            AmiTestClient.Msg r = c.action("Login", "Username", "hotline", "Secret", "wrong");
            assertThat(r.get("Response")).isEqualTo("Error");
            assertThat(r.get("Message")).isEqualTo("Authentication failed");
            await().atMost(Duration.ofSeconds(5)).until(c::eof);
        }
    }

    @Test
    void actionsBeforeLoginArePermissionDenied() {
        try (AmiTestClient c = new AmiTestClient(pbx.port())) {
            assertThat(c.action("CoreShowChannels").get("Message")).isEqualTo("Permission denied");
        }
    }

    @Test
    void pingAnswersPongWithTimestamp() {
        try (AmiTestClient c = AmiTestClient.loggedIn(pbx.port())) {
            AmiTestClient.Msg r = c.action("Ping");
            assertThat(r.headers()).extracting(e -> e.getKey())
                    .containsExactly("Response", "ActionID", "Ping", "Timestamp");
            assertThat(r.get("Ping")).isEqualTo("Pong");
            assertThat(r.get("Timestamp")).matches("\\d{10}\\.\\d{6}");
        }
    }

    @Test
    void unknownActionIsAnErrorWithRequestBadFormat() {
        try (AmiTestClient c = AmiTestClient.loggedIn(pbx.port())) {
            AmiTestClient.Msg r = c.action("NoSuchThing");
            assertThat(r.get("Response")).isEqualTo("Error");
            assertThat(r.get("Message")).isEqualTo("Invalid/unknown command");
            assertThat(c.awaitMessage(m -> m.isEvent("RequestBadFormat")).get("RequestType")).isEqualTo("NoSuchThing");
        }
    }

    @Test
    void md5ChallengeLoginAsAsteriskJavaDoesIt() {
        try (AmiTestClient c = new AmiTestClient(pbx.port())) {
            String challenge = c.action("Challenge", "AuthType", "MD5").get("Challenge");
            assertThat(challenge).isNotBlank();
            String key = org.hotline.pbxsim.internal.ActionHandlerAccess.md5(challenge + "hotline");
            AmiTestClient.Msg r = c.action("Login", "Username", "hotline", "AuthType", "MD5", "Key", key);
            assertThat(r.get("Message")).isEqualTo("Authentication accepted");
        }
    }

    @Test
    void coreSettingsAndCoreStatusAnswerLikeTheCapture() {
        try (AmiTestClient c = AmiTestClient.loggedIn(pbx.port())) {
            assertThat(c.action("CoreSettings").get("AsteriskVersion")).isEqualTo("GIT-master-f0c1c1a7b7");
            AmiTestClient.Msg status = c.action("CoreStatus");
            assertThat(status.get("CoreCurrentCalls")).isEqualTo("0");
            assertThat(status.get("CoreStartupDate")).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(c.action("Command", "Command", "core show version").get("Output")).startsWith("Asterisk GIT-");
        }
    }

    @Test
    void eventsOffStopsEventsButNotResponses() {
        try (AmiTestClient c = AmiTestClient.loggedIn(pbx.port())) {
            assertThat(c.action("Events", "EventMask", "off").get("Events")).isEqualTo("Off");
            pbx.placeCall(CallSpec.of("13800138000", "hotline").withOutcome(Outcome.ringUntilTold("1001")))
                    .ringing().join();
            int before = c.events().size();
            assertThat(c.action("Ping").get("Ping")).isEqualTo("Pong");
            assertThat(c.events()).hasSize(before);
        }
    }

    @Test
    void logoffSaysGoodbyeAndCloses() {
        try (AmiTestClient c = AmiTestClient.loggedIn(pbx.port())) {
            AmiTestClient.Msg r = c.action("Logoff");
            assertThat(r.get("Response")).isEqualTo("Goodbye");
            assertThat(r.get("Message")).isEqualTo("Thanks for all the fish.");
            await().atMost(Duration.ofSeconds(5)).until(c::eof);
        }
    }
}
