package org.hotline.ivr;

/** The caller hung up, or Asterisk dropped the FastAGI connection: the script ends, the channel is not ours anymore. */
public class CallerHungUpException extends RuntimeException {

    /** With what Asterisk said. */
    public CallerHungUpException(String message, Throwable cause) {
        super(message, cause);
    }
}
