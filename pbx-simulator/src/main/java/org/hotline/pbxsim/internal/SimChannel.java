package org.hotline.pbxsim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One live channel with the fields an AMI channel block shows; mutated only on the simulator thread. */
public final class SimChannel {

    static final String UNKNOWN = "<unknown>";

    private final String name;
    private final String uniqueid;
    private final String linkedid;
    private final long createdSimNanos;
    int state;
    String callerNum = UNKNOWN;
    String callerName = UNKNOWN;
    String connectedNum = UNKNOWN;
    String connectedName = UNKNOWN;
    String language = "en";
    String accountCode = "";
    String context;
    String exten;
    int priority = 1;
    String application = "";
    String applicationData = "";
    String bridgeId = "";
    /** Variables as set, names with their {@code _}/{@code __} prefix; newest first, as Asterisk lists them. */
    private final LinkedHashMap<String, String> vars = new LinkedHashMap<>();

    /** A channel in a dialplan location. */
    public SimChannel(String name, String uniqueid, String linkedid, int state, String context, String exten,
            long createdSimNanos) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.state = state;
        this.context = context;
        this.exten = exten;
        this.createdSimNanos = createdSimNanos;
    }

    /** The channel name, e.g. {@code Local/s@callers-00000000;2}. */
    public String name() {
        return name;
    }

    /** The Uniqueid. */
    public String uniqueid() {
        return uniqueid;
    }

    /** The Linkedid. */
    public String linkedid() {
        return linkedid;
    }

    /** The ChannelState number. */
    public int state() {
        return state;
    }

    /** The caller id number. */
    public String callerNum() {
        return callerNum;
    }

    /** When the channel was created, in simulated nanoseconds. */
    public long createdSimNanos() {
        return createdSimNanos;
    }

    /** Sets a variable (name as given, prefix included). */
    public void setVar(String varName, String value) {
        vars.remove(varName);
        vars.put(varName, value);
    }

    /** The value of a variable by its bare name, whatever its inheritance prefix; {@code ""} when unset. */
    public String var(String bareName) {
        for (Map.Entry<String, String> e : vars.entrySet()) {
            if (bare(e.getKey()).equals(bareName)) {
                return e.getValue();
            }
        }
        return "";
    }

    /** The inheritable ({@code __}) variables, newest first, as the agent legs receive them. */
    public List<Map.Entry<String, String>> inheritable() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, String> e : vars.entrySet()) {
            if (e.getKey().startsWith("__")) {
                out.add(0, Map.entry(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    /** Strips the {@code _} / {@code __} inheritance prefix. */
    static String bare(String varName) {
        int i = 0;
        while (i < 2 && i < varName.length() && varName.charAt(i) == '_') {
            i++;
        }
        return varName.substring(i);
    }

    /** Writes this channel's block with a field prefix ({@code ""}, {@code Dest}, {@code LocalOne}…). */
    public void writeBlock(Frame f, String prefix, List<String> channelVariables) {
        f.add(prefix + "Channel", name)
                .add(prefix + "ChannelState", state)
                .add(prefix + "ChannelStateDesc", stateDesc(state))
                .add(prefix + "CallerIDNum", callerNum)
                .add(prefix + "CallerIDName", callerName)
                .add(prefix + "ConnectedLineNum", connectedNum)
                .add(prefix + "ConnectedLineName", connectedName)
                .add(prefix + "Language", language)
                .add(prefix + "AccountCode", accountCode)
                .add(prefix + "Context", context)
                .add(prefix + "Exten", exten)
                .add(prefix + "Priority", priority)
                .add(prefix + "Uniqueid", uniqueid)
                .add(prefix + "Linkedid", linkedid);
        for (String v : channelVariables) {
            f.add(prefix + "ChanVariable", v + "=" + var(v));
        }
    }

    /** The ChannelStateDesc Asterisk prints for a state number. */
    public static String stateDesc(int state) {
        return switch (state) {
            case 0 -> "Down";
            case 1 -> "Rsrvd";
            case 2 -> "OffHook";
            case 3 -> "Dialing";
            case 4 -> "Ring";
            case 5 -> "Ringing";
            case 6 -> "Up";
            case 7 -> "Busy";
            default -> "Unknown";
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
