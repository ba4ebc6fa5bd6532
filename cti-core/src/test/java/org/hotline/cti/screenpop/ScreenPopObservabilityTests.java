package org.hotline.cti.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallQueued;
import org.hotline.cti.call.Caller;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** What operations see of a pop: its latency from the frame's arrival, and JSON log lines with the call id. */
class ScreenPopObservabilityTests {

    final List<ScreenPop> published = new CopyOnWriteArrayList<>();
    final List<Long> latencies = new CopyOnWriteArrayList<>();
    ScreenPops pops;
    JsonLines json;

    @AfterEach
    void close() {
        if (pops != null) {
            pops.close();
        }
        if (json != null) {
            json.detach();
        }
    }

    @Test
    void aRingingPopsLatencyCountsFromItsFramesArrivalNotFromTheHandOver() {
        long arrived = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(250);
        pops = pops(() -> arrived, false);
        ring("1796587131.1", "13800000001");

        await().atMost(Duration.ofSeconds(5)).until(() -> latencies.size() == 1);
        assertThat(latencies.get(0)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
        assertThat(published).extracting(ScreenPop::status).containsExactly(ScreenPop.Status.RINGING);
    }

    @Test
    void withoutAnArrivalTimeTheHandOverStartsTheClock() {
        pops = pops(() -> 0, false);
        ring("1796587131.2", "13800000001");

        await().atMost(Duration.ofSeconds(5)).until(() -> latencies.size() == 1);
        assertThat(latencies.get(0)).isPositive().isLessThan(TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void aFailedLookupIsOneJsonLineWithTheCallIdAndAMaskedNumber() throws Exception {
        json = JsonLines.of(ScreenPops.class, "ecs");
        pops = pops(() -> 0, true);
        ring("1796587131.3", "13812345678");

        await().atMost(Duration.ofSeconds(5)).until(() -> !json.lines.isEmpty());
        JsonNode line = new ObjectMapper().readTree(json.lines.get(0));
        assertThat(line.get("callId").asText()).isEqualTo("1796587131.3");
        assertThat(line.get("message").asText()).contains("138****5678");
        assertThat(json.lines.get(0)).doesNotContain("13812345678");
        assertThat(line.at("/log/level").asText()).isEqualTo("WARN");
    }

    private ScreenPops pops(java.util.function.LongSupplier arrival, boolean lookupFails) {
        AgentDirectory agents = mock(AgentDirectory.class);
        AgentAccount agent = new AgentAccount(1, "agent1001", "agent1001", AgentAccount.Role.AGENT, true,
                List.of("Local/1001@agents"), List.of("hotline"));
        when(agents.all()).thenReturn(List.of(agent));
        when(agents.findByInterface(any())).thenReturn(java.util.Optional.of(agent));
        CustomerDirectory customers = mock(CustomerDirectory.class);
        when(customers.findByPhone(any(PhoneNumber.class), anyInt())).thenAnswer(inv -> {
            if (lookupFails) {
                throw new IllegalStateException("database gone");
            }
            return List.of();
        });
        ScreenPopProperties properties = new ScreenPopProperties(List.of(), List.of(), 10, 2);
        return new ScreenPops(properties, agents, new PhoneNumbers(PhoneProperties.defaults()), customers,
                published::add, arrival, latencies::add);
    }

    private void ring(String call, String number) {
        Caller caller = new Caller(number, "");
        pops.onEvent(new CallQueued(new CallId(call), "hotline", caller, 1, Map.of(), Instant.now()));
        pops.onEvent(new AgentRinging(new CallId(call), AgentInterface.of("Local/1001@agents"), "Agent 1001",
                "hotline", caller, Duration.ZERO, Map.of(), Instant.now()));
    }

    /**
     * Spring Boot's structured-log encoder (what {@code logging.structured.format.console} turns on) on one
     * logger, encoding on the logging thread as the console appender does, so the line has that thread's MDC.
     */
    static final class JsonLines extends AppenderBase<ILoggingEvent> {

        final List<String> lines = new CopyOnWriteArrayList<>();
        private final StructuredLogEncoder encoder = new StructuredLogEncoder();
        private Logger logger;

        static JsonLines of(Class<?> type, String format) {
            Logger logger = (Logger) LoggerFactory.getLogger(type);
            LoggerContext context = logger.getLoggerContext();
            if (context.getObject(Environment.class.getName()) == null) {
                context.putObject(Environment.class.getName(), new MockEnvironment()
                        .withProperty("spring.application.name", "hotline"));
            }
            JsonLines appender = new JsonLines();
            appender.logger = logger;
            appender.setContext(context);
            appender.encoder.setContext(context);
            appender.encoder.setFormat(format);
            appender.encoder.start();
            appender.start();
            logger.addAppender(appender);
            return appender;
        }

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8).strip());
        }

        void detach() {
            logger.detachAppender(this);
            stop();
        }
    }
}
