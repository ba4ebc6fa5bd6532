package org.hotline.server;

import org.hotline.cti.CtiCoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The single deployable Hotline server: wires every module, holds no business logic. */
@SpringBootApplication(scanBasePackages = {"org.hotline.server", "org.hotline.desktop"})
@ConfigurationPropertiesScan({"org.hotline.server", "org.hotline.desktop"})
@Import(CtiCoreConfiguration.class)
public class HotlineApplication {

    /** Starts the server. */
    public static void main(String[] args) {
        SpringApplication.run(HotlineApplication.class, args);
    }
}
