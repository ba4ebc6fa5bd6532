package org.hotline.pbxsim.internal;

/** One queue membership of an agent device, with the counters QueueMember rows and member events show. */
public final class Member {

    final String queue;
    final String name;
    final String iface;
    final String stateInterface;
    final String extension;
    final AgentDevice device;
    String membership;
    int penalty;
    int callsTaken;
    long lastCall;
    long lastPause;
    long loginTime;
    boolean inCall;
    boolean paused;
    String pausedReason = "";
    boolean ringinuse;

    Member(String queue, String name, String iface, String stateInterface, AgentDevice device, String membership,
            int penalty, long loginTime) {
        this.queue = queue;
        this.name = name;
        this.iface = iface;
        this.stateInterface = stateInterface;
        this.extension = extensionOf(iface);
        this.device = device;
        this.membership = membership;
        this.penalty = penalty;
        this.loginTime = loginTime;
    }

    /** The extension of a {@code Local/<ext>@agents/n} interface, else the interface itself. */
    static String extensionOf(String iface) {
        if (iface.startsWith("Local/") && iface.indexOf('@') > 6) {
            return iface.substring(6, iface.indexOf('@'));
        }
        return iface;
    }

    /** The queue name. */
    public String queue() {
        return queue;
    }

    /** The member interface. */
    public String iface() {
        return iface;
    }

    /** The Status number shown: the device state (1 free, 2 in use, 6 ringing). */
    public int status() {
        return device.status;
    }

    /** Writes the fields of a QueueMember* event (MemberName/Interface, with Ringinuse). */
    void writeEventFields(Frame f) {
        f.add("Queue", queue).add("MemberName", name).add("Interface", iface).add("StateInterface", stateInterface);
        writeCounters(f);
        f.add("Ringinuse", ringinuse ? 1 : 0).add("Wrapuptime", 0);
    }

    /** Writes the fields of a QueueStatus QueueMember row (Name/Location, no Ringinuse). */
    void writeListFields(Frame f) {
        f.add("Queue", queue).add("Name", name).add("Location", iface).add("StateInterface", stateInterface);
        writeCounters(f);
        f.add("Wrapuptime", 0);
    }

    private void writeCounters(Frame f) {
        f.add("Membership", membership).add("Penalty", penalty).add("CallsTaken", callsTaken)
                .add("LastCall", lastCall).add("LastPause", lastPause).add("LoginTime", loginTime)
                .add("InCall", inCall ? 1 : 0).add("Status", device.status).add("Paused", paused ? 1 : 0)
                .add("PausedReason", pausedReason);
    }
}
