package org.hotline.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every log line of the running server passes the mask: whatever code logs, no whole phone number comes out. */
@SimulatedServerTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(LogMaskingIntegrationTests.class);

    @Test
    void aPhoneNumberAndADatabaseRowLoggedByAnyCodeComeOutMasked(CapturedOutput output) {
        log.warn("callback for 13812345678 failed: ERROR: duplicate key\n  Detail: Key (number)=(13812345678, 张三)"
                + " already exists.");
        log.error("import of row 7 failed", new IllegalStateException("Failing row contains (7, 李四, 0571-87654321)."));
        assertThat(output.getOut()).contains("callback for 138****5678 failed", "Key (number)=(…) already exists",
                "Failing row contains (…).").doesNotContain("13812345678", "87654321", "张三", "李四");
    }

    @Test
    void everyAppenderOfTheServerIsWrappedOnce() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(LogMasking.wrap(context)).as("already wrapped at start: nothing left to wrap").isZero();
    }
}
