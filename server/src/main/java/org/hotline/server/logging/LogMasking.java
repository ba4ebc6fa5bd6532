package org.hotline.server.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Once Spring Boot has set up logging (plain text or structured JSON, console or file), puts a {@link MaskingEncoder}
 * around every appender's encoder, so phone numbers and the like are masked in every log line (issue #13).
 */
public final class LogMasking implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            wrap(context);
        }
    }

    /** Wraps the encoders of {@code context}'s appenders; appenders already wrapped are left alone. Returns how many. */
    static int wrap(LoggerContext context) {
        int wrapped = 0;
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<ILoggingEvent> out && out.getEncoder() != null
                        && !(out.getEncoder() instanceof MaskingEncoder)) {
                    MaskingEncoder masking = new MaskingEncoder(out.getEncoder());
                    masking.setContext(context);
                    masking.start();
                    out.setEncoder(masking);
                    wrapped++;
                }
            }
        }
        return wrapped;
    }

    @Override
    public int getOrder() {
        // right after Boot's logging set-up, before the first line of the application's own start
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
