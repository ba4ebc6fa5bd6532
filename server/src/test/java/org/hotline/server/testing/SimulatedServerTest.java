package org.hotline.server.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hotline.server.HotlineApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole server on a random port with a temporary database of 500 demo customers and the PBX simulator placing no
 * calls of its own: the one configuration the server's desk, page and API tests share, so Spring starts it once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// metrics exported as in production (a test context otherwise keeps only a simple registry: no /actuator/prometheus)
@AutoConfigureObservability(tracing = false)
// the application class named, so test classes of other modules' packages (security internals) share it too
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
        "hotline.embedded.postgres.data-dir=", "hotline.simulator.calls-per-minute=0", "hotline.demo.customers=500",
        "hotline.simulator.speed=10", "hotline.recording.directory=target/test-recordings"})
public @interface SimulatedServerTest {
}
