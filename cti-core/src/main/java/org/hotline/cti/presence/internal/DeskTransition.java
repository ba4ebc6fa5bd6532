package org.hotline.cti.presence.internal;

import java.util.List;
import org.hotline.cti.presence.DeskStatus;

/**
 * The outcome of one input: the new status and the PBX actions that make it true, or a refusal that says why
 * ({@code status} then unchanged).
 */
public record DeskTransition(DeskStatus status, List<DeskEffect> effects, String refusal) {

    /** Copies the effects. */
    public DeskTransition {
        effects = List.copyOf(effects);
    }

    /** A transition to {@code status} with these effects. */
    static DeskTransition to(DeskStatus status, DeskEffect... effects) {
        return new DeskTransition(status, List.of(effects), null);
    }

    /** A refusal leaving {@code status} as it is. */
    static DeskTransition refuse(DeskStatus status, String why) {
        return new DeskTransition(status, List.of(), why);
    }

    /** True when the input was refused. */
    public boolean refused() {
        return refusal != null;
    }
}
