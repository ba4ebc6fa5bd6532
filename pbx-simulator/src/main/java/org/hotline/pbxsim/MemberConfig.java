package org.hotline.pbxsim;

import java.util.Objects;

/**
 * One queue member: an agent "phone" reached as a Local channel, like the lab's {@code queues.conf} members.
 *
 * @param extension the agent's extension, e.g. {@code 1001}
 * @param name the MemberName, e.g. {@code Agent 1001}
 * @param interfaceName the member interface, e.g. {@code Local/1001@agents/n}
 * @param stateInterface the StateInterface, e.g. {@code hint:1001@agents}
 * @param penalty the member's penalty in this queue (0 by default)
 */
public record MemberConfig(String extension, String name, String interfaceName, String stateInterface, int penalty) {

    /** Validates the fields. */
    public MemberConfig {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(stateInterface, "stateInterface");
        if (penalty < 0) {
            throw new IllegalArgumentException("penalty: " + penalty + " (expected: >= 0)");
        }
    }

    /** The lab's member for an extension: {@code Local/<ext>@agents/n}, {@code Agent <ext>}, {@code hint:<ext>@agents}. */
    public static MemberConfig agent(String extension) {
        return agent(extension, 0);
    }

    /** The lab's member for an extension, at a penalty. */
    public static MemberConfig agent(String extension, int penalty) {
        return new MemberConfig(extension, "Agent " + extension, "Local/" + extension + "@agents/n",
                "hint:" + extension + "@agents", penalty);
    }
}
