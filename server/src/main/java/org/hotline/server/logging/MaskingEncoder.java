package org.hotline.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import org.hotline.cti.customer.LogMask;

/**
 * Wraps the encoder of a log appender, plain text or JSON alike, and passes each encoded line through
 * {@link LogMask#scrub}: no phone number, identity card or database row reaches a log whole.
 */
final class MaskingEncoder extends EncoderBase<ILoggingEvent> {

    private final Encoder<ILoggingEvent> delegate;

    MaskingEncoder(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
    }

    Encoder<ILoggingEvent> delegate() {
        return delegate;
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = delegate.encode(event);
        if (line == null || line.length == 0) {
            return line;
        }
        // Boot's encoders write UTF-8 (CONSOLE_LOG_CHARSET defaults to it); a line without digits is left as is
        String text = new String(line, StandardCharsets.UTF_8);
        String masked = LogMask.scrub(text);
        return masked.equals(text) ? line : masked.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }

    @Override
    public void start() {
        if (!delegate.isStarted()) {
            delegate.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        delegate.stop();
        super.stop();
    }
}
