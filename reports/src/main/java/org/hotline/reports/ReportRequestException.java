package org.hotline.reports;

/** A report request that cannot be answered as asked, with the reason (a 400). */
public final class ReportRequestException extends IllegalArgumentException {

    /** Refused for {@code reason}. */
    public ReportRequestException(String reason) {
        super(reason);
    }
}
