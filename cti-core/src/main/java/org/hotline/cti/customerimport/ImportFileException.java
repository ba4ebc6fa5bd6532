package org.hotline.cti.customerimport;

/** The file as a whole cannot be imported (not UTF-8, a header that is not the documented one, a broken quote). */
public final class ImportFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The reason, as a sentence for the person who sent the file. */
    public ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
