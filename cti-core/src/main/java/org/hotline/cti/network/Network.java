package org.hotline.cti.network;

import java.sql.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotline.cti.area.AreaDirectory;
import org.hotline.cti.network.internal.Fields;
import org.hotline.cti.outage.OutageStatus;
import org.hotline.cti.outage.OutageView;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The supply network as agents and administrators see it: the tree of a line (areas, key and high-risk customers,
 * outages) and edits of one line or area; edits refresh the {@link AreaDirectory} so searches see them at once.
 * Thread-safe.
 */
public class Network {

    private static final String LINE = """
            select l.id, l.code, l.name, s.name, rc.code, rc.name, rc.phone
            from feeder_lines l join substations s on s.id = l.substation_id
            left join repair_centres rc on rc.id = l.repair_centre_id
            where l.code = ?""";

    private static final String AREAS = """
            select ta.id, ta.code, ta.name, ta.responsible_person, ta.responsible_phone, rc.code, rc.name, rc.phone,
                   (select count(distinct ac.customer_id) from premises p
                    join accounts ac on ac.premises_id = p.id and ac.closed_at is null
                    where p.transformer_area_id = ta.id)
            from transformer_areas ta join feeder_lines l on l.id = ta.feeder_line_id
            left join repair_centres rc on rc.id = coalesce(ta.repair_centre_id, l.repair_centre_id)
            where ta.feeder_line_id = ? order by ta.code""";

    private static final String FLAGGED = """
            select distinct on (p.transformer_area_id, c.id) p.transformer_area_id, c.customer_no, c.name,
                   c.key_account, c.high_risk, ph.raw
            from transformer_areas ta
            join premises p on p.transformer_area_id = ta.id
            join accounts ac on ac.premises_id = p.id and ac.closed_at is null
            join customers c on c.id = ac.customer_id and (c.key_account or c.high_risk)
            left join lateral (select raw from customer_phones where customer_id = c.id
                               order by is_primary desc, id limit 1) ph on true
            where ta.feeder_line_id = ?
            order by p.transformer_area_id, c.id""";

    private final JdbcTemplate jdbc;
    private final OutageStatus outages;
    private final AreaDirectory directory;

    /** Reads and edits through {@code dataSource}; outage status from {@code outages}; refreshes {@code directory}. */
    public Network(DataSource dataSource, OutageStatus outages, AreaDirectory directory) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.outages = Objects.requireNonNull(outages, "outages");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** One line of the list {@code /lines.html} shows without a line code (issue #16). */
    public record LineSummary(String code, String name, String substation, String repairCentre, int areas) {
    }

    /** Every feeder line by code, with its substation, repair centre and number of transformer areas. */
    public List<LineSummary> lines() {
        return jdbc.query("""
                select l.code, l.name, s.name, rc.name,
                       (select count(*) from transformer_areas ta where ta.feeder_line_id = l.id)
                from feeder_lines l join substations s on s.id = l.substation_id
                left join repair_centres rc on rc.id = l.repair_centre_id
                order by l.code""", (rs, n) -> new LineSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getInt(5)));
    }

    /** The line with this code and everything beneath it, or empty when there is no such line. */
    public Optional<LineTree> lineTree(String code) {
        record Line(long id, String code, String name, String substation, RepairCentre centre) {
        }
        List<Line> found = jdbc.query(LINE, (rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), centre(rs.getString(5), rs.getString(6), rs.getString(7))), code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Line line = found.get(0);
        record Area(long id, String code, String name, String person, String phone, RepairCentre centre, long count) {
        }
        List<Area> areas = jdbc.query(AREAS, (rs, n) -> new Area(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), centre(rs.getString(6), rs.getString(7), rs.getString(8)),
                rs.getLong(9)), line.id());
        Map<Long, List<LineTree.Flagged>> flagged = new LinkedHashMap<>();
        jdbc.query(FLAGGED, rs -> {
            flagged.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new LineTree.Flagged(rs.getString(2),
                    rs.getString(3), rs.getBoolean(4), rs.getBoolean(5), rs.getString(6)));
        }, line.id());
        List<OutageView> open = outages.openCovering(areas.stream().map(Area::id).toList(), List.of(line.id()));
        List<OutageView> lineWide = open.stream().filter(o -> o.outage().lineWide()).toList();
        List<LineTree.AreaNode> nodes = new ArrayList<>(areas.size());
        for (Area a : areas) {
            List<OutageView> mine = open.stream()
                    .filter(o -> o.outage().lineWide() || a.code().equals(o.outage().areaCode())).toList();
            nodes.add(new LineTree.AreaNode(a.code(), a.name(), a.person(), a.phone(), a.centre(), mine, a.count(),
                    flagged.getOrDefault(a.id(), List.of())));
        }
        return Optional.of(new LineTree(line.code(), line.name(), line.substation(), line.centre(), lineWide, nodes));
    }

    /**
     * Changes one area's name, repair centre and responsible person and phone.
     *
     * @throws NetworkRejectedException not found for an unknown area; invalid for a blank name, unknown centre or
     *                                  bad phone
     */
    public void editArea(String code, AreaEdit edit) {
        Objects.requireNonNull(edit, "edit");
        String name = requireName(edit.name());
        Long centre = centreId(edit.repairCentreCode());
        String person = Fields.blankToNull(edit.responsiblePerson());
        if (person != null && Fields.name(person) != null) {
            throw NetworkRejectedException.invalid("responsiblePerson: " + Fields.name(person));
        }
        String phone = Fields.blankToNull(edit.responsiblePhone());
        if (phone != null && Fields.phone(phone) != null) {
            throw NetworkRejectedException.invalid("responsiblePhone: " + Fields.phone(phone));
        }
        int n = jdbc.update("""
                update transformer_areas set name = ?, repair_centre_id = ?, responsible_person = ?,
                       responsible_phone = ?
                where code = ?""", name, centre, person, phone, code);
        if (n == 0) {
            throw NetworkRejectedException.notFound("no transformer area " + code);
        }
        directory.refresh();
    }

    /**
     * Changes one line's name and repair centre.
     *
     * @throws NetworkRejectedException not found for an unknown line; invalid for a blank name or unknown centre
     */
    public void editLine(String code, LineEdit edit) {
        Objects.requireNonNull(edit, "edit");
        String name = requireName(edit.name());
        Long centre = centreId(edit.repairCentreCode());
        int n = jdbc.update("update feeder_lines set name = ?, repair_centre_id = ? where code = ?", name, centre, code);
        if (n == 0) {
            throw NetworkRejectedException.notFound("no feeder line " + code);
        }
        directory.refresh();
    }

    /** Area details (code, name, line, centre, contact) for area ids, keyed by id. */
    Map<Long, AreaDetails> areaDetails(List<Long> ids) {
        Map<Long, AreaDetails> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.execute((ConnectionCallback<Void>) c -> {
            Array array = c.createArrayOf("bigint", ids.toArray());
            try (var ps = c.prepareStatement("""
                    select ta.id, ta.code, ta.name, ta.responsible_person, ta.responsible_phone, l.id, l.code, l.name,
                           rc.code, rc.name, rc.phone
                    from transformer_areas ta join feeder_lines l on l.id = ta.feeder_line_id
                    left join repair_centres rc on rc.id = coalesce(ta.repair_centre_id, l.repair_centre_id)
                    where ta.id = any(?)""")) {
                ps.setArray(1, array);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new AreaDetails(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                                centre(rs.getString(9), rs.getString(10), rs.getString(11))));
                    }
                }
            }
            return null;
        });
        return out;
    }

    /** Line details (code, name, centre) for line ids, keyed by id. */
    Map<Long, LineDetails> lineDetails(List<Long> ids) {
        Map<Long, LineDetails> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.execute((ConnectionCallback<Void>) c -> {
            Array array = c.createArrayOf("bigint", ids.toArray());
            try (var ps = c.prepareStatement("""
                    select l.id, l.code, l.name, rc.code, rc.name, rc.phone from feeder_lines l
                    left join repair_centres rc on rc.id = l.repair_centre_id where l.id = any(?)""")) {
                ps.setArray(1, array);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new LineDetails(rs.getLong(1), rs.getString(2), rs.getString(3),
                                centre(rs.getString(4), rs.getString(5), rs.getString(6))));
                    }
                }
            }
            return null;
        });
        return out;
    }

    /** Where an area sits and who answers for it. */
    record AreaDetails(long id, String code, String name, String person, String phone, long lineId, String lineCode,
                       String lineName, RepairCentre centre) {
    }

    /** A line and who answers for it. */
    record LineDetails(long id, String code, String name, RepairCentre centre) {
    }

    private static String requireName(String name) {
        String stripped = name == null ? "" : name.strip();
        String problem = Fields.name(stripped);
        if (problem != null) {
            throw NetworkRejectedException.invalid("name: " + problem);
        }
        return stripped;
    }

    private Long centreId(String code) {
        String c = Fields.blankToNull(code);
        if (c == null) {
            return null;
        }
        List<Long> ids = jdbc.queryForList("select id from repair_centres where code = ?", Long.class, c);
        if (ids.isEmpty()) {
            throw NetworkRejectedException.invalid("repairCentreCode: unknown repair centre " + c);
        }
        return ids.get(0);
    }

    static RepairCentre centre(String code, String name, String phone) {
        return code == null ? null : new RepairCentre(code, name, phone);
    }
}
