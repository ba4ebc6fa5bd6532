package org.hotline.cti.call;

import java.util.Objects;

/**
 * An agent's phone interface without channel suffixes ({@code PJSIP/1001}, {@code Local/1001@agents}): the key that
 * ties queue members, dialled channels and agent accounts together.
 */
public record AgentInterface(String value) {

    /** Validates the interface. */
    public AgentInterface {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.indexOf('/') < 0) {
            throw new IllegalArgumentException("value: '" + value + "' (expected: TECH/resource, e.g. PJSIP/1001)");
        }
    }

    /**
     * Normalizes a member interface or a channel name: {@code Local/1001@agents/n},
     * {@code Local/1001@agents-00000001;1} and {@code Local/1001@agents} give the same interface, as do
     * {@code PJSIP/1001-0000000a} and {@code PJSIP/1001}.
     */
    public static AgentInterface of(String interfaceOrChannel) {
        Objects.requireNonNull(interfaceOrChannel, "interfaceOrChannel");
        String s = interfaceOrChannel.trim();
        int slash = s.indexOf('/');
        if (slash < 0) {
            return new AgentInterface(s);
        }
        String tech = s.substring(0, slash);
        String rest = s.substring(slash + 1);
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            rest = rest.substring(0, semi);
        }
        if (tech.equalsIgnoreCase("Local")) {
            int opt = rest.indexOf('/');
            if (opt >= 0) {
                rest = rest.substring(0, opt);
            }
        }
        int dash = rest.lastIndexOf('-');
        // a Local half is name-seq;n, other channels name-hexseq; a ';' without a '-' is no channel suffix
        if (dash > 0 && (semi >= 0 || isChannelSuffix(rest, dash))) {
            rest = rest.substring(0, dash);
        }
        return new AgentInterface(tech + "/" + rest);
    }

    private static boolean isChannelSuffix(String rest, int dash) {
        if (dash <= 0 || rest.length() - dash - 1 < 8) {
            return false;
        }
        for (int i = dash + 1; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
