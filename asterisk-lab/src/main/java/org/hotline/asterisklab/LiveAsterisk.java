package org.hotline.asterisklab;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one lab Asterisk of a test JVM, started on first use and stopped when the JVM exits. Where this machine has no
 * Asterisk, a test that asks for it is skipped with one line saying why and how to enable it; with
 * {@code HOTLINE_ASTERISK_REQUIRED=true} (CI) it fails instead.
 */
public final class LiveAsterisk {

    private static final Logger log = LoggerFactory.getLogger(LiveAsterisk.class);
    private static LabAsterisk shared;
    private static boolean skipSaid;

    private LiveAsterisk() {
    }

    /** The running lab Asterisk, or the current test aborted (skipped) when there is none. */
    public static synchronized LabAsterisk shared() {
        if (shared != null && shared.running()) {
            return shared;
        }
        AsteriskInstall.Lookup lookup = AsteriskInstall.find();
        if (!lookup.found()) {
            String line = "Live-Asterisk tests skipped: " + lookup.missing() + "; to run them "
                    + AsteriskInstall.HOW_TO_ENABLE;
            if (AsteriskInstall.Lookup.required(Map.copyOf(System.getenv()))) {
                throw new IllegalStateException("HOTLINE_ASTERISK_REQUIRED=true but " + lookup.missing());
            }
            if (!skipSaid) {
                skipSaid = true;
                log.warn(line);
            }
            Assumptions.abort(line);
        }
        if (shared == null) {
            LabAsterisk started = LabAsterisk.start(lookup.install());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "lab-asterisk-stop"));
            shared = started;
        } else {
            shared.restart();
        }
        return shared;
    }
}
