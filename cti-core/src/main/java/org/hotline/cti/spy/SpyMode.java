package org.hotline.cti.spy;

import java.util.Locale;

/**
 * How a supervisor joins an agent's call, each an extension of {@code hotline.spy.context} that runs Asterisk's
 * {@code ChanSpy} with its option: listen ({@code q}, neither side hears the supervisor), whisper ({@code w}, only the
 * agent hears), barge ({@code B}, both hear).
 */
public enum SpyMode {
    /** Hears both sides, says nothing (监听). */
    LISTEN("q", "listening"),
    /** Hears both, speaks to the agent only (耳语 / 密语). */
    WHISPER("qw", "whispering"),
    /** Hears both, speaks to both (强插). */
    BARGE("qB", "barging");

    private final String chanSpyOptions;
    private final String doneCode;

    SpyMode(String chanSpyOptions, String doneCode) {
        this.chanSpyOptions = chanSpyOptions;
        this.doneCode = doneCode;
    }

    /** The result code once the PBX confirmed: {@code listening}, {@code whispering}, {@code barging}. */
    public String doneCode() {
        return doneCode;
    }

    /** The extension of the spy context, also the API's word: {@code listen}, {@code whisper}, {@code barge}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** ChanSpy's mode options as the shipped dialplan passes them (besides E and S, common to all). */
    public String chanSpyOptions() {
        return chanSpyOptions;
    }

    /** The mode of an API word, or null when there is none. */
    public static SpyMode of(String code) {
        if (code == null) {
            return null;
        }
        for (SpyMode m : values()) {
            if (m.code().equalsIgnoreCase(code.strip())) {
                return m;
            }
        }
        return null;
    }
}
