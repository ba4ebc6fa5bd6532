package org.hotline.cti.outage;

/** Whether an outage was announced in advance (计划停电/检修) or is a fault (故障停电). */
public enum OutageKind {
    /** Planned work, announced ahead; customers get a notice at a lead time. */
    PLANNED,
    /** A fault; customers get a notice at once. */
    UNPLANNED
}
