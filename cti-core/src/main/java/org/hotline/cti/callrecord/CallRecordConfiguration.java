package org.hotline.cti.callrecord;

import java.time.Duration;
import javax.sql.DataSource;
import org.hotline.cti.callrecord.internal.CallRecordWriter;
import org.hotline.cti.customer.PhoneNumbers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The call recorder, listening to the call tracker and telling every {@link CallRecordListener} bean. */
@Configuration(proxyBeanMethods = false)
public class CallRecordConfiguration {

    /** Writes {@code calls} rows; retries a failing batch from one second up. */
    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    public CallRecorder callRecorder(DataSource dataSource, PhoneNumbers phoneNumbers,
                                     ObjectProvider<CallRecordListener> listeners) {
        return new CallRecorder(new CallRecordWriter(dataSource, phoneNumbers, Duration.ofSeconds(1)),
                listeners.orderedStream().toList());
    }
}
