package org.hotline.bench.ami;

/** An AMI client under measurement: logs in to the loopback peer and counts the events its listener gets. */
interface IngestClient extends AutoCloseable {

    /** Short name for the report. */
    String name();

    /** Connects and logs in; returns when events flow. */
    void start() throws Exception;

    /** AMI events handed to the listener so far. */
    long events();

    @Override
    void close();
}
