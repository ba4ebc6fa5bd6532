package org.hotline.cti.customerimport.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One valid row, ready for the staging table; optional parts are null. */
public record ImportRow(long line, String customerNo, String name, String kind, String address, String accountNo,
                        Phone phone1, Phone phone2, Long areaId, String billingCycle, String meterNo,
                        String meterKind, boolean icCard, String arrearsPeriod, BigDecimal arrearsAmount,
                        LocalDate arrearsDueDate) {

    /** A number as written and as normalized, with its kind code. */
    public record Phone(String raw, String normalized, String kind) {
    }
}
