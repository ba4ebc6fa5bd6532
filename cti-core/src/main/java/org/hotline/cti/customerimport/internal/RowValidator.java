package org.hotline.cti.customerimport.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customerimport.BadRow;
import org.hotline.cti.customerimport.CustomerImportFormat;
import org.hotline.cti.customerimport.ImportFileException;

/**
 * Checks the header once and then each row against the documented format and everything the schema's CHECK
 * constraints would refuse, so a valid row never fails in the database and a bad one is reported, not half-written.
 */
public final class RowValidator {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z-]{1,32}");
    private static final Pattern ACCOUNT_NO = Pattern.compile("[0-9A-Za-z-]{4,32}");
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,10}(\\.[0-9]{1,2})?");
    private static final Map<String, String> KINDS = Map.of("residential", "residential", "居民", "residential",
            "民用", "residential", "commercial", "commercial", "工商", "commercial", "非居民", "commercial");
    private static final Map<String, String> METER_KINDS = Map.of("electricity", "electricity", "电", "electricity",
            "gas", "gas", "气", "gas", "water", "water", "水", "water");
    private static final Map<String, Boolean> YES_NO = Map.of("yes", true, "true", true, "1", true, "是", true,
            "no", false, "false", false, "0", false, "否", false);

    private final PhoneNumbers phoneNumbers;
    private final Map<String, Long> areaIds;
    private final int[] index = new int[CustomerImportFormat.COLUMNS.size()];

    /** A validator for a file whose header row is {@code header}; {@code areaIds} maps transformer area codes to ids. */
    public RowValidator(List<String> header, PhoneNumbers phoneNumbers, Map<String, Long> areaIds) {
        this.phoneNumbers = phoneNumbers;
        this.areaIds = areaIds;
        java.util.Arrays.fill(index, -1);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            int column = CustomerImportFormat.COLUMNS.indexOf(name);
            if (column < 0) {
                throw new ImportFileException("表头：第 " + (i + 1) + " 列“" + printable(name)
                        + "”不是格式中的列（可用的列：" + String.join(", ", CustomerImportFormat.COLUMNS) + "）", null);
            }
            if (seen.put(name, i) != null) {
                throw new ImportFileException("表头：列“" + name + "”出现了两次", null);
            }
            index[column] = i;
        }
        for (String required : CustomerImportFormat.REQUIRED) {
            if (!seen.containsKey(required)) {
                throw new ImportFileException("表头：缺少必填列“" + required + "”（必填：" + String.join(", ",
                        CustomerImportFormat.REQUIRED) + "）", null);
            }
        }
    }

    /** Thrown inside {@link #validate} to report the first fault of a row. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        private final String column;

        Bad(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }
    }

    /** The row as an {@link ImportRow}, or its first fault as a {@link BadRow}. */
    public Object validate(long line, List<String> cells) {
        try {
            if (cells.size() != countColumns()) {
                throw new Bad("", "这一行有 " + cells.size() + " 个单元格，表头有 " + countColumns() + " 列");
            }
            for (int c = 0; c < index.length; c++) {
                if (index[c] >= 0) {
                    checkCharacters(CustomerImportFormat.COLUMNS.get(c), cells.get(index[c]));
                }
            }
            String customerNo = required(cells, 0);
            if (!CODE.matcher(customerNo).matches()) {
                throw new Bad("customer_no", "客户编号须为 1–32 位字母、数字或连字符");
            }
            String name = required(cells, 1);
            if (name.codePointCount(0, name.length()) > 200) {
                throw new Bad("name", "名称超过 200 个字");
            }
            String kind = KINDS.get(required(cells, 2).toLowerCase(Locale.ROOT));
            if (kind == null) {
                throw new Bad("kind", "客户类别须为 residential（居民）或 commercial（工商）");
            }
            String address = required(cells, 3);
            if (address.codePointCount(0, address.length()) > 500) {
                throw new Bad("address", "地址超过 500 个字");
            }
            String accountNo = required(cells, 4);
            if (!ACCOUNT_NO.matcher(accountNo).matches()) {
                throw new Bad("account_no", "户号须为 4–32 位字母、数字或连字符");
            }
            ImportRow.Phone phone1 = phone(cells, 5);
            ImportRow.Phone phone2 = phone(cells, 6);
            Long areaId = null;
            String area = optional(cells, 7);
            if (area != null) {
                areaId = areaIds.get(area);
                if (areaId == null) {
                    throw new Bad("transformer_area_code", "没有编码为“" + area
                            + "”的台区（请先导入供电网络）");
                }
            }
            String cycle = optional(cells, 8);
            String billingCycle = cycle == null ? "monthly" : cycle.toLowerCase(Locale.ROOT);
            if (!billingCycle.equals("monthly") && !billingCycle.equals("bimonthly")) {
                throw new Bad("billing_cycle", "抄表周期须为 monthly（每月）或 bimonthly（双月）");
            }
            String meterNo = optional(cells, 9);
            if (meterNo != null && !CODE.matcher(meterNo).matches()) {
                throw new Bad("meter_no", "表号须为 1–32 位字母、数字或连字符");
            }
            String meterKind = METER_KINDS.get(orDefault(optional(cells, 10), "electricity").toLowerCase(Locale.ROOT));
            if (meterKind == null) {
                throw new Bad("meter_kind", "表计类别须为 electricity（电）、gas（气）或 water（水）");
            }
            Boolean icCard = YES_NO.get(orDefault(optional(cells, 11), "no").toLowerCase(Locale.ROOT));
            if (icCard == null) {
                throw new Bad("ic_card", "ic_card 须为 yes（是）或 no（否）");
            }
            if (meterNo == null && (optional(cells, 10) != null || optional(cells, 11) != null)) {
                throw new Bad("meter_no", "填了 meter_kind 或 ic_card 却没有表号");
            }
            String period = optional(cells, 12);
            String amountText = optional(cells, 13);
            String dueText = optional(cells, 14);
            BigDecimal amount = null;
            LocalDate due = null;
            if (period != null || amountText != null || dueText != null) {
                if (period == null || !PERIOD.matcher(period).matches()) {
                    throw new Bad("arrears_period", "欠费月份须写作 YYYY-MM");
                }
                if (amountText == null || !AMOUNT.matcher(amountText).matches()
                        || (amount = new BigDecimal(amountText)).signum() <= 0) {
                    throw new Bad("arrears_amount", "欠费金额须为大于 0、最多两位小数的数字，如 128.50");
                }
                try {
                    due = LocalDate.parse(dueText == null ? "" : dueText);
                } catch (DateTimeParseException e) {
                    throw new Bad("arrears_due_date", "到期日须写作 YYYY-MM-DD");
                }
            }
            return new ImportRow(line, customerNo, name, kind, address, accountNo, phone1, phone2, areaId,
                    billingCycle, meterNo, meterKind, icCard, period, amount, due);
        } catch (Bad bad) {
            return new BadRow(line, bad.column, bad.getMessage());
        }
    }

    private int countColumns() {
        int n = 0;
        for (int i : index) {
            n += i >= 0 ? 1 : 0;
        }
        return n;
    }

    private ImportRow.Phone phone(List<String> cells, int column) throws Bad {
        String raw = optional(cells, column);
        if (raw == null) {
            return null;
        }
        PhoneNumber number = phoneNumbers.normalize(raw);
        if (!number.lookupable()) {
            throw new Bad(CustomerImportFormat.COLUMNS.get(column), "“" + raw + "”不是电话号码（应为手机、带或不带区号的固话、或服务号码）");
        }
        return new ImportRow.Phone(raw, number.normalized(), number.kind().name().toLowerCase(Locale.ROOT));
    }

    private String required(List<String> cells, int column) throws Bad {
        String value = optional(cells, column);
        if (value == null) {
            throw new Bad(CustomerImportFormat.COLUMNS.get(column), CustomerImportFormat.COLUMNS.get(column)
                    + " 为必填，但是空的");
        }
        return value;
    }

    private String optional(List<String> cells, int column) {
        int i = index[column];
        if (i < 0) {
            return null;
        }
        String value = cells.get(i).strip();
        return value.isEmpty() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static void checkCharacters(String column, String value) throws Bad {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 || ch == 0x7F) {
                // PostgreSQL text cannot hold NUL, and no field of a customer holds a line break or a tab
                throw new Bad(column, String.format("单元格含有控制字符 U+%04X，任何字段都不能含有", (int) ch));
            }
        }
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
