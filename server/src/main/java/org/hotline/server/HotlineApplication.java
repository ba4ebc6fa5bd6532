package org.hotline.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The single deployable Hotline server: wires every module, holds no business logic. */
@SpringBootApplication(scanBasePackages = "org.hotline")
@ConfigurationPropertiesScan("org.hotline")
public class HotlineApplication {

    /** Starts the server. */
    public static void main(String[] args) {
        SpringApplication.run(HotlineApplication.class, args);
    }
}
