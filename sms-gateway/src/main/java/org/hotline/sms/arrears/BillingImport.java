package org.hotline.sms.arrears;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.sms.arrears.internal.Csv;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the billing system's files (issue #5): arrears per account and period, and IC-card meter balances. Every
 * row is checked first; one bad row rejects the file and nothing is imported ({@link ImportRejectedException}).
 */
public class BillingImport {

    /** Header of the arrears file. */
    public static final List<String> ARREARS_HEADER =
            List.of("account_no", "billing_period", "amount", "due_date", "days_overdue");
    /** Header of the IC-card balance file. */
    public static final List<String> IC_CARD_HEADER = List.of("meter_no", "balance", "read_at");

    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
    private static final int MAX_ERRORS = 200;
    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ZoneId zone;

    /** Writes through {@code jdbc} in {@code tx}; times without an offset are read in {@code zone}. */
    public BillingImport(JdbcTemplate jdbc, TransactionTemplate tx, ZoneId zone) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.zone = zone;
    }

    private record ArrearsRow(long accountId, String period, BigDecimal amount, LocalDate due, int days) {
    }

    private record BalanceRow(String meterNo, BigDecimal balance, Instant readAt) {
    }

    /** Replaces the arrears of every account in the file with the file's rows for it (the data model's rule). */
    public ImportResult importArrears(InputStream csv) throws IOException {
        List<Csv.Line> lines = Csv.read(csv);
        List<RowError> errors = new ArrayList<>();
        List<Csv.Line> data = body(lines, ARREARS_HEADER, errors);
        Map<String, Long> accounts = ids("select account_no, id from accounts where account_no = any (?)", data);
        List<ArrearsRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Line line : data) {
            int before = errors.size();
            List<String> c = line.cells();
            Long account = accounts.get(c.get(0));
            if (account == null) {
                errors.add(new RowError(line.number(), "account_no", "unknown account '" + c.get(0) + "'"));
            }
            String period = c.get(1);
            if (!PERIOD.matcher(period).matches()) {
                errors.add(new RowError(line.number(), "billing_period", "'" + period + "' is not YYYY-MM"));
            } else if (!seen.add(c.get(0) + '/' + period)) {
                errors.add(new RowError(line.number(), "billing_period", "account " + c.get(0) + " period "
                        + period + " appears twice"));
            }
            BigDecimal amount = amount(line, c.get(2), "amount", true, errors);
            LocalDate due = null;
            try {
                due = LocalDate.parse(c.get(3));
            } catch (DateTimeParseException e) {
                errors.add(new RowError(line.number(), "due_date", "'" + c.get(3) + "' is not a date YYYY-MM-DD"));
            }
            int days = -1;
            try {
                days = Integer.parseInt(c.get(4));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (days < 0) {
                errors.add(new RowError(line.number(), "days_overdue", "'" + c.get(4)
                        + "' is not a whole number >= 0"));
            }
            if (errors.size() == before) {
                rows.add(new ArrearsRow(account, period, amount, due, days));
            }
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        reject(errors);
        Long[] replaced = rows.stream().map(ArrearsRow::accountId).distinct().toArray(Long[]::new);
        tx.executeWithoutResult(s -> {
            jdbc.update(c -> {
                var ps = c.prepareStatement("delete from arrears where account_id = any (?)");
                ps.setArray(1, c.createArrayOf("bigint", replaced));
                return ps;
            });
            for (int from = 0; from < rows.size(); from += CHUNK) {
                jdbc.batchUpdate("""
                        insert into arrears (account_id, billing_period, amount, due_date, days_overdue)
                        values (?, ?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + CHUNK)), CHUNK,
                        (ps, r) -> {
                            ps.setLong(1, r.accountId());
                            ps.setString(2, r.period());
                            ps.setBigDecimal(3, r.amount());
                            ps.setDate(4, Date.valueOf(r.due()));
                            ps.setInt(5, r.days());
                        });
            }
        });
        return new ImportResult(rows.size(), replaced.length);
    }

    /** Sets the balance of every prepaid IC-card meter in the file (one row per meter). */
    public ImportResult importIcCardBalances(InputStream csv) throws IOException {
        List<Csv.Line> lines = Csv.read(csv);
        List<RowError> errors = new ArrayList<>();
        List<Csv.Line> data = body(lines, IC_CARD_HEADER, errors);
        Map<String, Long> meters = ids("select meter_no, id from meters where prepaid_ic_card and meter_no = any (?)",
                data);
        List<BalanceRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Line line : data) {
            int before = errors.size();
            List<String> c = line.cells();
            if (!meters.containsKey(c.get(0))) {
                errors.add(new RowError(line.number(), "meter_no", "no IC-card meter '" + c.get(0) + "'"));
            } else if (!seen.add(c.get(0))) {
                errors.add(new RowError(line.number(), "meter_no", "meter " + c.get(0) + " appears twice"));
            }
            BigDecimal balance = amount(line, c.get(1), "balance", false, errors);
            Instant readAt = null;
            try {
                readAt = instant(c.get(2));
            } catch (DateTimeParseException e) {
                errors.add(new RowError(line.number(), "read_at", "'" + c.get(2)
                        + "' is not a time (YYYY-MM-DD HH:MM[:SS] or ISO-8601)"));
            }
            if (errors.size() == before) {
                rows.add(new BalanceRow(c.get(0), balance, readAt));
            }
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        reject(errors);
        tx.executeWithoutResult(s -> jdbc.batchUpdate("""
                insert into ic_card_balances (meter_no, balance, read_at) values (?, ?, ?)
                on conflict (meter_no) do update set balance = excluded.balance, read_at = excluded.read_at,
                    imported_at = now()""", rows, CHUNK, (ps, r) -> {
            ps.setString(1, r.meterNo());
            ps.setBigDecimal(2, r.balance());
            ps.setTimestamp(3, Timestamp.from(r.readAt()));
        }));
        return new ImportResult(rows.size(), rows.size());
    }

    private static List<Csv.Line> body(List<Csv.Line> lines, List<String> header, List<RowError> errors) {
        if (lines.isEmpty()) {
            throw new ImportRejectedException(List.of(new RowError(1, "", "the file is empty (expected header "
                    + String.join(",", header) + ")")));
        }
        Csv.Line first = lines.get(0);
        List<String> names = first.cells().stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
        if (!names.equals(header)) {
            throw new ImportRejectedException(List.of(new RowError(first.number(), "", "header " + first.cells()
                    + " (expected: " + String.join(",", header) + ")")));
        }
        List<Csv.Line> data = new ArrayList<>();
        for (Csv.Line line : lines.subList(1, lines.size())) {
            if (line.error() != null) {
                errors.add(new RowError(line.number(), "", line.error()));
            } else if (line.cells().size() != header.size()) {
                errors.add(new RowError(line.number(), "", line.cells().size() + " columns (expected: "
                        + header.size() + ")"));
            } else {
                data.add(line);
            }
        }
        return data;
    }

    private Map<String, Long> ids(String sql, List<Csv.Line> data) {
        String[] keys = data.stream().map(l -> l.cells().get(0)).distinct().toArray(String[]::new);
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(c -> {
            var ps = c.prepareStatement(sql);
            ps.setArray(1, c.createArrayOf("text", keys));
            return ps;
        }, rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }

    private static BigDecimal amount(Csv.Line line, String text, String column, boolean positive,
                                     List<RowError> errors) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.scale() > 2 || value.abs().compareTo(new BigDecimal("9999999999")) > 0
                    || (positive && value.signum() <= 0)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new RowError(line.number(), column, "'" + text + "' is not an amount"
                    + (positive ? " > 0" : "") + " with at most 2 decimals"));
            return null;
        }
    }

    private Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
        }
    }

    private static void reject(List<RowError> errors) {
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
    }
}
