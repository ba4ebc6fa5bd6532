package org.hotline.cti.network;

import java.util.List;

/** An import refused because of row errors; nothing of it was written. */
public class NetworkImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RowError> errors;

    /** A refusal listing {@code errors} (the first {@link NetworkImport#MAX_ERRORS} found). */
    public NetworkImportException(String message, List<RowError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** The row errors, in file order. */
    public List<RowError> errors() {
        return errors;
    }
}
