package org.hotline.cti.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An AMI action to send: its name and ordered fields (repeatable, e.g. {@code Variable} of {@code Originate});
 * the connection adds the {@code ActionID}.
 *
 * @param name   the action, e.g. {@code QueuePause}
 * @param fields the fields after {@code Action} and {@code ActionID}, in order
 */
public record AmiAction(String name, List<Field> fields) {

    /**
     * One {@code Name: value} line of an action.
     *
     * @param name  the field name
     * @param value the field value, may be empty
     */
    public record Field(String name, String value) {

        /** Rejects names and values that would break the frame (a line end would inject another action). */
        public Field {
            checkText("field name", name, false);
            checkText("value of " + name, value, true);
            if (name.indexOf(':') >= 0) {
                throw new IllegalArgumentException("field name: '" + name + "' (expected: no ':')");
            }
            if (name.equalsIgnoreCase("ActionID") || name.equalsIgnoreCase("Action")) {
                throw new IllegalArgumentException("field name: '" + name + "' (expected: not Action or ActionID,"
                        + " the connection sets them)");
            }
        }
    }

    /** Checks the name and copies the fields. */
    public AmiAction {
        checkText("action name", name, false);
        fields = List.copyOf(fields);
    }

    /** An action with the fields of {@code fields}, in the map's iteration order. */
    public static AmiAction of(String name, Map<String, String> fields) {
        List<Field> list = new ArrayList<>(fields.size());
        fields.forEach((k, v) -> list.add(new Field(k, v)));
        return new AmiAction(name, list);
    }

    /** An action with no fields, such as {@code Ping}. */
    public static AmiAction of(String name) {
        return new AmiAction(name, List.of());
    }

    /** A copy with one more field at the end. */
    public AmiAction with(String fieldName, String value) {
        List<Field> list = new ArrayList<>(fields.size() + 1);
        list.addAll(fields);
        list.add(new Field(fieldName, value));
        return new AmiAction(name, list);
    }

    /** The action in AMI wire form with the given ActionID, ended by the blank line. */
    public String toWire(String actionId) {
        StringBuilder sb = new StringBuilder(64 + fields.size() * 32);
        sb.append("Action: ").append(name).append("\r\nActionID: ").append(actionId).append("\r\n");
        for (Field f : fields) {
            sb.append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    private static void checkText(String what, String text, boolean mayBeEmpty) {
        Objects.requireNonNull(text, what);
        if (!mayBeEmpty && text.isBlank()) {
            throw new IllegalArgumentException(what + ": '" + text + "' (expected: not blank)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException(what + ": contains a line end at " + i
                        + " (expected: none, it would end the AMI frame)");
            }
        }
    }
}
