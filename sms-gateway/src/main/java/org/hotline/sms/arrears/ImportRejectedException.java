package org.hotline.sms.arrears;

import java.util.List;

/** An import refused as a whole: every bad row is listed and nothing was imported. */
public class ImportRejectedException extends IllegalArgumentException {

    private static final int LISTED = 5;
    private final transient List<RowError> errors;

    /** With every error found (at least one). */
    public ImportRejectedException(List<RowError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** The errors, in file order. */
    public List<RowError> errors() {
        return errors;
    }

    private static String summary(List<RowError> errors) {
        StringBuilder s = new StringBuilder(errors.size() + " error(s), nothing imported");
        for (RowError e : errors.subList(0, Math.min(LISTED, errors.size()))) {
            s.append("; line ").append(e.line());
            if (!e.column().isEmpty()) {
                s.append(" ").append(e.column());
            }
            s.append(": ").append(e.message());
        }
        return s.toString();
    }
}
