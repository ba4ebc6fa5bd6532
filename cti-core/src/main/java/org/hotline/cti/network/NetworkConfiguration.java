package org.hotline.cti.network;

import javax.sql.DataSource;
import org.hotline.cti.area.AreaDirectory;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.outage.OutageStatus;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The supply network capability (issue #4): area search, line trees, edits and CSV imports. */
@Configuration(proxyBeanMethods = false)
public class NetworkConfiguration {

    /** The in-memory index of areas and lines, built from the database on first search. */
    @Bean
    @DependsOnDatabaseInitialization
    public AreaDirectory areaDirectory(DataSource dataSource) {
        return new AreaDirectory(dataSource);
    }

    /** Line trees and edits. */
    @Bean
    @DependsOnDatabaseInitialization
    public Network network(DataSource dataSource, OutageStatus outages, AreaDirectory areas) {
        return new Network(dataSource, outages, areas);
    }

    /** CSV imports of the network and of area contacts. */
    @Bean
    @DependsOnDatabaseInitialization
    public NetworkImport networkImport(DataSource dataSource, AreaDirectory areas) {
        return new NetworkImport(dataSource, areas);
    }

    /** The agent's search box over areas, lines and customers. */
    @Bean
    @DependsOnDatabaseInitialization
    public Lookup lookup(DataSource dataSource, AreaDirectory areas, CustomerDirectory customers, Network network,
                         OutageStatus outages) {
        return new Lookup(dataSource, areas, customers, network, outages);
    }
}
