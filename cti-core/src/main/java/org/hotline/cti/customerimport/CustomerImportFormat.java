package org.hotline.cti.customerimport;

import java.util.List;

/**
 * The documented import format (docs/customer-import.md): UTF-8 CSV, a header row naming the columns (in any order,
 * optional ones may be left out), then one row per account.
 */
public final class CustomerImportFormat {

    /** Every column, required ones first. */
    public static final List<String> COLUMNS = List.of("customer_no", "name", "kind", "address", "account_no",
            "phone1", "phone2", "transformer_area_code", "billing_cycle", "meter_no", "meter_kind", "ic_card",
            "arrears_period", "arrears_amount", "arrears_due_date");

    /** The columns a header must name. */
    public static final List<String> REQUIRED = COLUMNS.subList(0, 5);

    private static final String TEMPLATE = String.join(",", COLUMNS) + "\r\n"
            + "C000000001,张三,residential,浙江省杭州市上城区解放路100号3幢2单元501室,2024000001,13800138000,,,"
            + "monthly,M000000001,electricity,yes,2026-10,128.50,2026-11-15\r\n"
            + "C000000002,杭州示例化工有限公司,commercial,杭州市钱塘区海达南路8号,2024000002,0571-88886666,"
            + "13900001111,,bimonthly,M000000002,gas,no,,,\r\n";

    private CustomerImportFormat() {
    }

    /** A template file: the header and two example rows, with a byte-order mark so spreadsheets read it as UTF-8. */
    public static String template() {
        return "\uFEFF" + TEMPLATE;
    }
}
