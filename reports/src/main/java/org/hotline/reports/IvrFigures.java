package org.hotline.reports;

import java.util.List;

/**
 * What the IVR did in a range: per script its runs by outcome, the most taken paths (the keys pressed, as the IVR
 * records them), and the calls that ended in the IVR without reaching a queue or an agent (self-service).
 */
public record IvrFigures(List<Script> scripts, List<Path> paths, long ivrOnlyCalls) {

    /** One script's runs: completed, the caller hung up, fell back to an agent, and the total. */
    public record Script(String script, long runs, long completed, long hungUp, long fallback) {
    }

    /** A path through a script and how many runs took it. */
    public record Path(String script, String path, long runs) {
    }
}
