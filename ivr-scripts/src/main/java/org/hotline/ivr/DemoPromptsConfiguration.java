package org.hotline.ivr;

import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/** Speaks the missing demo prompts once the application is up, when {@code hotline.ivr.demo-prompts.dir} is set. */
@AutoConfiguration
@EnableConfigurationProperties(DemoPromptsProperties.class)
public class DemoPromptsConfiguration {

    /** Generation on a thread of its own after start: a hundred prompts take seconds the start need not wait. */
    @Bean
    @ConditionalOnExpression("'${hotline.ivr.demo-prompts.dir:}' != ''")
    ApplicationListener<ApplicationReadyEvent> demoPromptsAtStart(DemoPromptsProperties properties) {
        return event -> {
            Thread t = new Thread(() -> {
                try {
                    new DemoPrompts("espeak-ng", "sox", properties.voice()).ensure(Path.of(properties.dir()));
                } catch (RuntimeException e) {
                    // the demo runs without them: the IVR plays silence where a prompt is missing
                    LoggerFactory.getLogger(DemoPromptsConfiguration.class).warn("IVR demo prompts not generated in "
                            + "{} (hotline.ivr.demo-prompts.dir): {}", properties.dir(), e.toString());
                }
            }, "ivr-demo-prompts");
            t.setDaemon(true);
            t.start();
        };
    }
}
