package org.hotline.cti.call.internal;

import java.util.Map;

/** One Asterisk channel of a call, with its latest channel variables ({@code manager.conf channelvars}). */
final class Channel {

    final String uniqueid;
    final String name;
    Leg leg;
    String callerNum;
    String callerName;
    /** Where the channel was in the dialplan when it entered its bridge, to recognise a Redirect on BridgeLeave. */
    String bridgeContext;
    String bridgeExten;
    String bridgeId;
    /** Whether the channel was ever in a bridge: a held leg is named by the half that talked (ADR 0010 hold). */
    boolean wasBridged;
    boolean hungUp;
    /** Raw {@code NAME=value} lines, latest wins per name; kept raw so an unchanged line costs no allocation. */
    private String[] vars = NO_VARS;
    private int varCount;
    long varsTouched;

    private static final String[] NO_VARS = new String[0];

    Channel(String uniqueid, String name) {
        this.uniqueid = uniqueid;
        this.name = name == null ? "" : name;
    }

    /** Stores a raw {@code NAME=value} line; true when the variable name is new to this channel. */
    boolean putRaw(String line, long seq) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        for (int i = 0; i < varCount; i++) {
            String old = vars[i];
            if (old.length() > eq && old.charAt(eq) == '=' && old.regionMatches(0, line, 0, eq)) {
                if (!old.equals(line)) {
                    vars[i] = line;
                    varsTouched = seq;
                }
                return false;
            }
        }
        if (varCount == vars.length) {
            String[] grown = new String[Math.max(4, varCount * 2)];
            System.arraycopy(vars, 0, grown, 0, varCount);
            vars = grown;
        }
        vars[varCount++] = line;
        varsTouched = seq;
        return true;
    }

    /** Sets variable {@code name} when the channel already reports it (VarSet of a {@code channelvars} name). */
    void setIfPresent(String name, int nameStart, String value, long seq) {
        int len = name.length() - nameStart;
        for (int i = 0; i < varCount; i++) {
            String old = vars[i];
            if (old.length() > len && old.charAt(len) == '=' && old.regionMatches(0, name, nameStart, len)) {
                if (!old.regionMatches(len + 1, value, 0, value.length()) || old.length() != len + 1 + value.length()) {
                    vars[i] = old.substring(0, len + 1) + value;
                    varsTouched = seq;
                }
                return;
            }
        }
    }

    /** The value of variable {@code name}, or null when the channel does not report it. */
    String variable(String name) {
        for (int i = 0; i < varCount; i++) {
            String line = vars[i];
            if (line.length() > name.length() && line.charAt(name.length()) == '=' && line.startsWith(name)) {
                return line.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** Adds the variables to {@code out}; an empty value does not replace a non-empty one already there. */
    void copyVariablesTo(Map<String, String> out) {
        for (int i = 0; i < varCount; i++) {
            String line = vars[i];
            int eq = line.indexOf('=');
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (!value.isEmpty() || !out.containsKey(key)) {
                out.put(key, value);
            }
        }
    }

    /** True for the two halves of a Local channel ({@code Local/x@ctx-00000001;1} / {@code ;2}). */
    static boolean isLocalHalf(String name) {
        int n = name.length();
        return n > 8 && name.startsWith("Local/") && name.charAt(n - 2) == ';'
                && (name.charAt(n - 1) == '1' || name.charAt(n - 1) == '2');
    }

    /** The other half's name of a Local channel, or null. */
    static String localPartnerName(String name) {
        if (!isLocalHalf(name)) {
            return null;
        }
        int n = name.length();
        return name.substring(0, n - 1) + (name.charAt(n - 1) == '1' ? '2' : '1');
    }
}
