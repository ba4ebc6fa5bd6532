package org.hotline.desktop.customerimport.internal;

import javax.sql.DataSource;
import org.hotline.cti.apikey.ApiKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The billing systems' import keys ({@code import_api_clients}, prefix {@code hik_}). */
@Component
class ImportApiKeys {

    private final ApiKeys keys;

    ImportApiKeys(DataSource dataSource) {
        this.keys = new ApiKeys(new JdbcTemplate(dataSource), "import_api_clients", "hik_");
    }

    ApiKeys keys() {
        return keys;
    }
}
