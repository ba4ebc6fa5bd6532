package org.hotline.ivr;

/**
 * One IVR script, reached from the dialplan as {@code AGI(agi://host:port/<name>)} and usable alone: a Spring bean,
 * found by its {@link #name()}.
 */
public interface IvrScript {

    /** The name in the AGI URL: lower case, words joined by '-'. */
    String name();

    /**
     * Serves the caller and returns when the dialplan should go on ({@link IvrVariables#NEXT} says where). A caller
     * who hangs up ends the script with {@link CallerHungUpException}; any other exception makes the server send the
     * caller on to an agent with an apology, and say so in the path.
     */
    void run(IvrCall call);
}
