package org.hotline.cti.customerimport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the customer import ({@code hotline.import.*}, env {@code HOTLINE_IMPORT_*}).
 *
 * @param maxSize    the largest import file accepted over REST; the other request bodies keep
 *                   {@code hotline.desktop.max-body-size} (default 2GB)
 * @param batchSize  rows written and committed together; memory use grows with it (default 5000)
 * @param maxBadRows bad rows listed in an answer; all of them are counted (default 1000)
 * @param writers    database connections writing batches at once, each customer always on the same one (default 2)
 */
@ConfigurationProperties("hotline.import")
public record CustomerImportProperties(@DefaultValue("2GB") DataSize maxSize,
                                       @DefaultValue("5000") int batchSize,
                                       @DefaultValue("1000") int maxBadRows,
                                       @DefaultValue("2") int writers) {

    public CustomerImportProperties {
        if (batchSize < 1 || maxBadRows < 0 || writers < 1) {
            throw new IllegalArgumentException("hotline.import.batch-size and writers must be >= 1 and max-bad-rows >= 0");
        }
    }

    /** The defaults above. */
    public static CustomerImportProperties defaults() {
        return new CustomerImportProperties(DataSize.ofGigabytes(2), 5000, 1000, 2);
    }
}
