package org.hotline.cti.survey;

import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The satisfaction surveys capability (issue #14): the table the IVR's survey writes and the desk reads. */
@Configuration(proxyBeanMethods = false)
public class SurveyConfiguration {

    /** Stores and reads survey scores. */
    @Bean
    @DependsOnDatabaseInitialization
    public SatisfactionSurveys satisfactionSurveys(DataSource dataSource) {
        return new SatisfactionSurveys(dataSource);
    }
}
