package org.hotline.cti.callback;

import javax.sql.DataSource;
import org.hotline.cti.customer.PhoneNumbers;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The callbacks capability (issue #3): the table and the listener that records abandoned calls. */
@Configuration(proxyBeanMethods = false)
public class CallbackConfiguration {

    /** Reads and changes callbacks. */
    @Bean
    @DependsOnDatabaseInitialization
    public Callbacks callbacks(DataSource dataSource) {
        return new Callbacks(dataSource);
    }

    /** Records abandoned calls and closes them when the caller gets through. */
    @Bean
    public CallbackRecorder callbackRecorder(Callbacks callbacks, PhoneNumbers phoneNumbers) {
        return new CallbackRecorder(callbacks, phoneNumbers);
    }
}
