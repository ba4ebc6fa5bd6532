package org.hotline.cti.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewAgentTests {

    @Test
    void keepsTheExactMemberInterfaceOnePerPhoneAndDefaultsTheDisplayName() {
        NewAgent a = new NewAgent(" agent1001 ", " ", "password1", AgentAccount.Role.AGENT,
                List.of("Local/1001@agents/n", "Local/1001@agents", "PJSIP/1001-0000000a"), List.of(" hotline "));

        assertThat(a.username()).isEqualTo("agent1001");
        assertThat(a.displayName()).isEqualTo("agent1001");
        // Asterisk matches a member's interface exactly: the /n stays, the bare form of the same phone is dropped
        assertThat(a.interfaces()).containsExactly("Local/1001@agents/n", "PJSIP/1001");
        assertThat(a.queues()).containsExactly("hotline");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "Agent1001", "agent 1001", "-agent", "坐席"})
    void rejectsMalformedUsernames(String username) {
        assertThatIllegalArgumentException().isThrownBy(() -> new NewAgent(username, null, "password1",
                AgentAccount.Role.AGENT, List.of(), List.of())).withMessageStartingWith("username: ");
    }

    @Test
    void rejectsShortPasswordsAndPasswordsBcryptWouldTruncate() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NewAgent("agent1", null, "short",
                AgentAccount.Role.AGENT, List.of(), List.of())).withMessage("rawPassword: 5 characters (expected: >= 8)");
        assertThatIllegalArgumentException().isThrownBy(() -> new NewAgent("agent1", null, "密".repeat(25),
                AgentAccount.Role.AGENT, List.of(), List.of())).withMessage("rawPassword: 75 bytes (expected: <= 72)");
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(new NewAgent("agent1", null, "s3cret-password", AgentAccount.Role.ADMIN, List.of(), List.of())
                .toString()).doesNotContain("s3cret");
    }
}
