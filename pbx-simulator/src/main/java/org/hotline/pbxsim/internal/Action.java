package org.hotline.pbxsim.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One received AMI action: headers by lower-case name, repeated headers (Variable) kept in order. */
public record Action(Map<String, List<String>> headers) {

    /** The first value of a header, or {@code null}. */
    public String get(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The first value of a header, or the fallback when it is absent. */
    public String get(String name, String fallback) {
        String v = get(name);
        return v == null ? fallback : v;
    }

    /** All values of a header, in order. */
    public List<String> all(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The action name, or {@code null}. */
    public String name() {
        return get("Action");
    }

    /** The ActionID, or {@code null}. */
    public String actionId() {
        return get("ActionID");
    }

    /** Whether a header is {@code true}/{@code yes}/{@code on}/{@code 1}. */
    public boolean flag(String name) {
        String v = get(name);
        return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on")
                || v.equals("1"));
    }
}
