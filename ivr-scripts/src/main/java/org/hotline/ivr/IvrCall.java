package org.hotline.ivr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The caller's channel as a script sees it, over one FastAGI connection. Every method talks to Asterisk and throws
 * {@link CallerHungUpException} once the caller has gone. Prompts are file names without extension, relative to
 * Asterisk's sounds directory ({@link Prompt#file()}, {@link Speech}).
 */
public interface IvrCall {

    /** The call's id as Hotline records it (Asterisk's {@code Linkedid}). */
    String callId();

    /** The caller's number as Asterisk gives it (may be empty, or {@code unknown} for a withheld number). */
    String callerNumber();

    /** A parameter of the script's URL ({@code agi://hotline/arrears?sms=no}), if given. */
    Optional<String> parameter(String name);

    /** A channel variable, or "" when unset. */
    String variable(String name);

    /** Sets a channel variable, inherited by the agent's leg ({@code __} prefix), so the pop sees it. */
    void setVariable(String name, String value);

    /** Adds a step to {@link IvrVariables#PATH} (at most {@link #MAX_PATH} characters are kept, the newest). */
    void appendPath(String step);

    /** Remembers a fact of this run for the reports (stored with the run, not on the channel). */
    void fact(String name, Object value);

    /**
     * Plays {@code files} in order; a key among {@code keys} stops the playback and is returned, as soon as it is
     * pressed. Returns {@link #NO_KEY} when all was played without one.
     */
    char play(List<String> files, String keys);

    /** Plays the prompts through, without listening for keys. */
    default void say(Prompt... prompts) {
        play(Prompt.files(prompts), "");
    }

    /** Waits up to {@code timeout} for one key; {@link #NO_KEY} when none came. */
    char waitForKey(Duration timeout);

    /**
     * Plays {@code files} and collects up to {@code maxDigits} keys ending with '#' (which is not returned), waiting
     * up to {@code timeout} after the prompt and between keys. Returns what was pressed, "" when nothing was.
     */
    String readDigits(List<String> files, Duration timeout, int maxDigits);

    /** Plays a menu and returns the first key among {@code keys} pressed during it or within {@code timeout}. */
    default char choose(List<String> files, String keys, Duration timeout) {
        char key = play(files, keys);
        if (key == NO_KEY) {
            key = waitForKey(timeout);
        }
        return key != NO_KEY && keys.indexOf(key) >= 0 ? key : NO_KEY;
    }

    /** Joins prompt lists (a sentence made of fixed prompts and spoken numbers). */
    static List<String> join(List<?>... parts) {
        List<String> all = new ArrayList<>();
        for (List<?> part : parts) {
            for (Object o : part) {
                all.add(o instanceof Prompt p ? p.file() : o.toString());
            }
        }
        return all;
    }

    /** What {@link #play} and {@link #waitForKey} return when no key was pressed. */
    char NO_KEY = '\0';

    /** The most characters of {@link IvrVariables#PATH} kept on the channel. */
    int MAX_PATH = 500;
}
