package org.hotline.cti.presence.internal;

import java.util.List;

/** What the PBX must do for a desk transition; each becomes one or more AMI actions. */
public sealed interface DeskEffect {

    /** QueueAdd to each queue, unpaused. */
    record AddToQueues(List<String> queues) implements DeskEffect { }

    /** QueueRemove from each queue. */
    record RemoveFromQueues(List<String> queues) implements DeskEffect { }

    /** QueuePause Paused=true in every queue with this reason. */
    record Pause(String reason) implements DeskEffect { }

    /** QueuePause Paused=false in every queue. */
    record Unpause() implements DeskEffect { }
}
