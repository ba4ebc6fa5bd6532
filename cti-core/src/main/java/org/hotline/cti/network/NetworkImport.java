package org.hotline.cti.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.hotline.cti.area.AreaDirectory;
import org.hotline.cti.network.internal.CsvTable;
import org.hotline.cti.network.internal.Fields;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the supply network and area contacts from CSV (UTF-8, BOM optional, comma separated, RFC 4180 quotes).
 * Every row is validated before anything is written; one bad row refuses the whole file with the errors per row
 * (line, column, message), otherwise everything is written in one transaction, inserting new codes and updating
 * known ones. The {@link AreaDirectory} is refreshed afterwards.
 *
 * <p>Network file, header {@code type,code,name,parent_code}: {@code type} is {@code substation}, {@code line}
 * (parent: its substation's code) or {@code area} (parent: its line's code); parents may be in the same file or
 * already stored.
 *
 * <p>Areas file, header {@code area_code,area_name,line_code,repair_centre_code,repair_centre_name,
 * repair_centre_phone,responsible_person,responsible_phone}: only {@code area_code} must be filled; a new area needs
 * its name and a known line; a new repair centre needs its name; empty cells leave stored values unchanged.
 */
public class NetworkImport {

    /** Most row errors reported for one file. */
    public static final int MAX_ERRORS = 200;

    /** Columns of the network file. */
    public static final List<String> NETWORK_COLUMNS = List.of("type", "code", "name", "parent_code");

    /** Columns of the areas file. */
    public static final List<String> AREA_COLUMNS = List.of("area_code", "area_name", "line_code",
            "repair_centre_code", "repair_centre_name", "repair_centre_phone", "responsible_person",
            "responsible_phone");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AreaDirectory directory;

    /** Writes through {@code dataSource} and refreshes {@code directory} after each import. */
    public NetworkImport(DataSource dataSource, AreaDirectory directory) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Imports a network file.
     *
     * @throws NetworkImportException listing the row errors; nothing was written
     */
    public ImportResult importNetwork(String csv) {
        CsvTable t = CsvTable.parse(Objects.requireNonNull(csv, "csv"), NETWORK_COLUMNS);
        List<RowError> errors = new ArrayList<>(t.errors());
        Map<String, Map<String, Integer>> seen = Map.of("substation", new HashMap<>(), "line", new HashMap<>(),
                "area", new HashMap<>());
        List<String[]> subs = new ArrayList<>();
        List<String[]> lines = new ArrayList<>();
        List<String[]> areas = new ArrayList<>();
        List<CsvTable.Row> lineRows = new ArrayList<>();
        List<CsvTable.Row> areaRows = new ArrayList<>();
        for (CsvTable.Row row : t.rows()) {
            String type = t.get(row, "type").toLowerCase(java.util.Locale.ROOT);
            String code = t.get(row, "code");
            String name = t.get(row, "name");
            String parent = t.get(row, "parent_code");
            if (!seen.containsKey(type)) {
                errors.add(new RowError(row.line(), "type", "unknown type \"" + type
                        + "\" (expected: substation, line or area)"));
                continue;
            }
            int before = errors.size();
            check(errors, row, "code", code.isEmpty() ? "missing" : Fields.code(code));
            check(errors, row, "name", Fields.name(name));
            if (!type.equals("substation") && parent.isEmpty()) {
                errors.add(new RowError(row.line(), "parent_code",
                        "missing (a " + type + " names its " + (type.equals("line") ? "substation" : "line") + ")"));
            }
            Integer first = seen.get(type).putIfAbsent(code, row.line());
            if (first != null) {
                errors.add(new RowError(row.line(), "code", "duplicate " + type + " code " + code
                        + " (first on line " + first + ")"));
            }
            if (errors.size() > before) {
                continue;
            }
            String[] values = {code, name, parent};
            switch (type) {
                case "substation" -> subs.add(values);
                case "line" -> {
                    lines.add(values);
                    lineRows.add(row);
                }
                default -> {
                    areas.add(values);
                    areaRows.add(row);
                }
            }
        }
        Set<String> knownSubs = new HashSet<>(seen.get("substation").keySet());
        knownSubs.addAll(stored("substations", lines.stream().map(v -> v[2]).toList()));
        Set<String> knownLines = new HashSet<>(seen.get("line").keySet());
        knownLines.addAll(stored("feeder_lines", areas.stream().map(v -> v[2]).toList()));
        for (int i = 0; i < lines.size(); i++) {
            if (!knownSubs.contains(lines.get(i)[2])) {
                errors.add(new RowError(lineRows.get(i).line(), "parent_code",
                        "unknown substation code " + lines.get(i)[2]));
            }
        }
        for (int i = 0; i < areas.size(); i++) {
            if (!knownLines.contains(areas.get(i)[2])) {
                errors.add(new RowError(areaRows.get(i).line(), "parent_code", "unknown line code " + areas.get(i)[2]));
            }
        }
        refuseIfAny(errors);
        tx.executeWithoutResult(status -> {
            jdbc.batchUpdate("""
                    insert into substations (code, name) values (?, ?)
                    on conflict (code) do update set name = excluded.name""",
                    subs.stream().map(v -> new Object[] {v[0], v[1]}).toList());
            jdbc.batchUpdate("""
                    insert into feeder_lines (code, name, substation_id)
                    select ?, ?, id from substations where code = ?
                    on conflict (code) do update set name = excluded.name, substation_id = excluded.substation_id""",
                    lines.stream().map(v -> new Object[] {v[0], v[1], v[2]}).toList());
            jdbc.batchUpdate("""
                    insert into transformer_areas (code, name, feeder_line_id)
                    select ?, ?, id from feeder_lines where code = ?
                    on conflict (code) do update set name = excluded.name, feeder_line_id = excluded.feeder_line_id""",
                    areas.stream().map(v -> new Object[] {v[0], v[1], v[2]}).toList());
        });
        directory.refresh();
        return new ImportResult(subs.size(), lines.size(), areas.size());
    }

    /**
     * Imports an areas file (contacts and repair centres).
     *
     * @throws NetworkImportException listing the row errors; nothing was written
     */
    public ImportResult importAreas(String csv) {
        CsvTable t = CsvTable.parse(Objects.requireNonNull(csv, "csv"), List.of("area_code"));
        List<RowError> errors = new ArrayList<>(t.errors());
        List<CsvTable.Row> rows = t.rows();
        Set<String> storedAreas = stored("transformer_areas", rows.stream().map(r -> t.get(r, "area_code")).toList());
        Set<String> storedLines = stored("feeder_lines", rows.stream().map(r -> t.get(r, "line_code")).toList());
        Set<String> storedCentres = stored("repair_centres",
                rows.stream().map(r -> t.get(r, "repair_centre_code")).toList());
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String[]> centres = new HashMap<>();
        for (CsvTable.Row r : rows) {
            String code = t.get(r, "area_code");
            String name = t.get(r, "area_name");
            String line = t.get(r, "line_code");
            String centre = t.get(r, "repair_centre_code");
            String centreName = t.get(r, "repair_centre_name");
            String centrePhone = t.get(r, "repair_centre_phone");
            check(errors, r, "area_code", code.isEmpty() ? "missing" : Fields.code(code));
            Integer first = seen.putIfAbsent(code, r.line());
            if (first != null && !code.isEmpty()) {
                errors.add(new RowError(r.line(), "area_code", "duplicate code " + code + " (first on line " + first + ")"));
            }
            boolean known = storedAreas.contains(code);
            if (!name.isEmpty() || !known) {
                check(errors, r, "area_name", Fields.name(name));
            }
            if (line.isEmpty() && !known) {
                errors.add(new RowError(r.line(), "line_code", "missing (a new area needs its line)"));
            } else if (!line.isEmpty() && !storedLines.contains(line)) {
                errors.add(new RowError(r.line(), "line_code", "unknown line code " + line));
            }
            if (!centre.isEmpty()) {
                check(errors, r, "repair_centre_code", Fields.centreCode(centre));
                if (!storedCentres.contains(centre) && centreName.isEmpty() && !centres.containsKey(centre)) {
                    errors.add(new RowError(r.line(), "repair_centre_name",
                            "missing (repair centre " + centre + " is new)"));
                }
                if (!centreName.isEmpty()) {
                    check(errors, r, "repair_centre_name", Fields.name(centreName));
                }
                if (!centrePhone.isEmpty()) {
                    check(errors, r, "repair_centre_phone", Fields.phone(centrePhone));
                }
                String[] previous = centres.putIfAbsent(centre, new String[] {centreName, centrePhone,
                        String.valueOf(r.line())});
                if (previous != null && (!previous[0].equals(centreName) && !centreName.isEmpty()
                        && !previous[0].isEmpty())) {
                    errors.add(new RowError(r.line(), "repair_centre_name", "repair centre " + centre + " is named \""
                            + previous[0] + "\" on line " + previous[2]));
                }
                if (previous != null && previous[0].isEmpty() && !centreName.isEmpty()) {
                    centres.put(centre, new String[] {centreName, centrePhone, String.valueOf(r.line())});
                }
            } else if (!centreName.isEmpty() || !centrePhone.isEmpty()) {
                errors.add(new RowError(r.line(), "repair_centre_code", "missing (a repair centre name needs its code)"));
            }
            check(errors, r, "responsible_person",
                    t.get(r, "responsible_person").isEmpty() ? null : Fields.name(t.get(r, "responsible_person")));
            check(errors, r, "responsible_phone",
                    t.get(r, "responsible_phone").isEmpty() ? null : Fields.phone(t.get(r, "responsible_phone")));
        }
        refuseIfAny(errors);
        tx.executeWithoutResult(status -> {
            jdbc.batchUpdate("""
                    insert into repair_centres (code, name, phone) values (?, ?, nullif(?, ''))
                    on conflict (code) do update set name = coalesce(nullif(excluded.name, ''), repair_centres.name),
                                                     phone = coalesce(excluded.phone, repair_centres.phone)""",
                    centres.entrySet().stream().map(e -> new Object[] {e.getKey(),
                            e.getValue()[0].isEmpty() ? e.getKey() : e.getValue()[0], e.getValue()[1]}).toList());
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            for (CsvTable.Row r : rows) {
                String code = t.get(r, "area_code");
                Object[] v = {t.get(r, "area_name"), t.get(r, "line_code"), t.get(r, "repair_centre_code"),
                        t.get(r, "responsible_person"), t.get(r, "responsible_phone"), code};
                (storedAreas.contains(code) ? updates : inserts).add(v);
            }
            jdbc.batchUpdate("""
                    insert into transformer_areas (name, feeder_line_id, repair_centre_id, responsible_person,
                                                   responsible_phone, code)
                    values (?, (select id from feeder_lines where code = ?),
                            (select id from repair_centres where code = ?), nullif(?, ''), nullif(?, ''), ?)""", inserts);
            jdbc.batchUpdate("""
                    update transformer_areas set
                        name = coalesce(nullif(?, ''), name),
                        feeder_line_id = coalesce((select id from feeder_lines where code = ?), feeder_line_id),
                        repair_centre_id = coalesce((select id from repair_centres where code = ?), repair_centre_id),
                        responsible_person = coalesce(nullif(?, ''), responsible_person),
                        responsible_phone = coalesce(nullif(?, ''), responsible_phone)
                    where code = ?""", updates);
        });
        directory.refresh();
        return new ImportResult(0, 0, rows.size());
    }

    private Set<String> stored(String table, List<String> codes) {
        List<String> wanted = codes.stream().filter(c -> !c.isEmpty()).distinct().toList();
        if (wanted.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select code from " + table + " where code = any(?)", String.class,
                (Object) wanted.toArray(String[]::new)));
    }

    private static void check(List<RowError> errors, CsvTable.Row row, String column, String problem) {
        if (problem != null) {
            errors.add(new RowError(row.line(), column, problem));
        }
    }

    private static void refuseIfAny(List<RowError> errors) {
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::line));
            List<RowError> shown = errors.subList(0, Math.min(errors.size(), MAX_ERRORS));
            throw new NetworkImportException(errors.size() + " row error(s), nothing imported", shown);
        }
    }
}
