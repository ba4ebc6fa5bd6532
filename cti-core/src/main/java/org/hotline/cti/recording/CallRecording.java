package org.hotline.cti.recording;

import java.time.Instant;

/**
 * One recording of a call as stored: the agent's leg Asterisk recorded, its file (relative to the recordings folder),
 * when it ran, its measured length and size (null until Asterisk closed the file), whether it is paused now, and
 * the call's queue, agent and caller from the call record (null when the call record is not written yet).
 *
 * @param id          the row id, what the player asks for
 * @param callId      the call (Asterisk Linkedid)
 * @param channel     the agent's channel MixMonitor runs on
 * @param file        the file, relative to {@code hotline.recording.directory}
 * @param startedAt   when the agent answered and recording began
 * @param endedAt     when Asterisk closed the file, or null while it records
 * @param durationMs  its play time, or null while it records
 * @param sizeBytes   its size, or null while it records
 * @param muted       whether it is paused (silence written) now
 * @param deleted     whether retention removed the file
 * @param queue       the call's queue
 * @param agent       the answering agent's display name
 * @param callerNumber the caller's number as the PBX gave it
 */
public record CallRecording(long id, String callId, String channel, String file, Instant startedAt, Instant endedAt,
                            Long durationMs, Long sizeBytes, boolean muted, boolean deleted, String queue,
                            String agent, String callerNumber) {
}
