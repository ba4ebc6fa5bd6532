package org.hotline.workorder.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.workorder.WorkOrderRejectedException;
import org.hotline.workorder.WorkOrderRejectedException.Kind;
import org.hotline.workorder.WorkOrderUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The units that receive orders (a repair centre's desk, its teams, their crews) in {@code work_order_units}, and the
 * rules of their tree: a team hangs under its centre (or nothing), a crew under a team of the same centre.
 */
public final class UnitRows {

    private static final List<String> KINDS = List.of("repair_centre", "team", "crew");

    private final JdbcTemplate jdbc;

    /** Reads and writes through {@code jdbc}. */
    public UnitRows(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /** Every unit, by repair centre and code. */
    public List<WorkOrderUnit> all() {
        return jdbc.query("""
                select u.code, u.name, u.kind, rc.code, p.code, u.same_site, u.manager1_name, u.manager1_phone,
                       u.manager2_name, u.manager2_phone
                from work_order_units u join repair_centres rc on rc.id = u.repair_centre_id
                left join work_order_units p on p.id = u.parent_id order by rc.code, u.code""",
                (rs, n) -> new WorkOrderUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)));
    }

    /** Creates or replaces the unit with {@code unit.code()}; see {@code WorkOrders.saveUnit}. */
    public WorkOrderUnit save(WorkOrderUnit unit) {
        Objects.requireNonNull(unit, "unit");
        check(unit);
        List<Long> centre = jdbc.queryForList("select id from repair_centres where code = ?", Long.class,
                String.valueOf(unit.repairCentre()));
        if (centre.isEmpty()) {
            throw rejected(Kind.UNPROCESSABLE, "repairCentre: no repair centre '" + unit.repairCentre() + "'");
        }
        Long parent = parent(unit, centre.get(0));
        keepsItsPlace(unit, centre.get(0));
        jdbc.update("""
                insert into work_order_units (code, name, kind, repair_centre_id, parent_id, same_site, manager1_name,
                    manager1_phone, manager2_name, manager2_phone) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, kind = excluded.kind,
                    repair_centre_id = excluded.repair_centre_id, parent_id = excluded.parent_id,
                    same_site = excluded.same_site, manager1_name = excluded.manager1_name,
                    manager1_phone = excluded.manager1_phone, manager2_name = excluded.manager2_name,
                    manager2_phone = excluded.manager2_phone""", unit.code(), unit.name().strip(), unit.kind(),
                centre.get(0), parent, unit.sameSite(), blankToNull(unit.manager1Name()),
                blankToNull(unit.manager1Phone()), blankToNull(unit.manager2Name()), blankToNull(unit.manager2Phone()));
        return all().stream().filter(u -> u.code().equals(unit.code())).findFirst().orElseThrow();
    }

    private static void check(WorkOrderUnit unit) {
        if (unit.code() == null || !unit.code().matches("^[0-9A-Za-z_-]{1,32}$")) {
            throw rejected(Kind.INVALID, "code: '" + unit.code() + "' (expected: 1 to 32 letters, digits, _ or -)");
        }
        if (unit.name() == null || unit.name().isBlank() || unit.name().length() > 100) {
            throw rejected(Kind.INVALID, "name: empty or longer than 100 characters");
        }
        if (!KINDS.contains(String.valueOf(unit.kind()))) {
            throw rejected(Kind.INVALID, "kind: '" + unit.kind() + "' (expected: repair_centre, team or crew)");
        }
        for (String phone : Arrays.asList(unit.manager1Phone(), unit.manager2Phone())) {
            if (phone != null && !phone.isBlank() && !phone.strip().matches("^\\+?[0-9][0-9 -]{2,19}$")) {
                throw rejected(Kind.INVALID, "manager phone: '" + phone
                        + "' (expected: digits, spaces or -, e.g. 13800000001)");
            }
        }
    }

    // a centre's desk hangs under nothing, a team under its centre's desk or nothing, a crew under a team of its centre
    private Long parent(WorkOrderUnit unit, long centreId) {
        String code = blankToNull(unit.parent());
        if (code == null) {
            if ("crew".equals(unit.kind())) {
                throw rejected(Kind.UNPROCESSABLE, "parent: empty (expected: the team the crew belongs to; a crew "
                        + "without a team can never be sent an order)");
            }
            return null;
        }
        List<Map<String, Object>> found = jdbc.queryForList(
                "select id, kind, repair_centre_id from work_order_units where code = ?", code);
        if (found.isEmpty() || code.equals(unit.code())) {
            throw rejected(Kind.UNPROCESSABLE, "parent: no other unit '" + unit.parent() + "'");
        }
        String parentKind = (String) found.get(0).get("kind");
        String expected = switch (unit.kind()) {
            case "team" -> "repair_centre";
            case "crew" -> "team";
            default -> "none";
        };
        if (!expected.equals(parentKind)) {
            throw rejected(Kind.UNPROCESSABLE, "parent: '" + code + "' is a " + parentKind + " (expected: "
                    + ("none".equals(expected) ? "no parent for a repair centre's desk" : "a " + expected) + ")");
        }
        if (((Number) found.get(0).get("repair_centre_id")).longValue() != centreId) {
            throw rejected(Kind.UNPROCESSABLE, "parent: '" + code + "' belongs to another repair centre (expected: a "
                    + expected + " of " + unit.repairCentre() + ")");
        }
        return ((Number) found.get(0).get("id")).longValue();
    }

    // units under it and crew tokens would be stranded by a new kind or centre
    private void keepsItsPlace(WorkOrderUnit unit, long centreId) {
        List<Map<String, Object>> existing = jdbc.queryForList(
                "select id, kind, repair_centre_id from work_order_units where code = ?", unit.code());
        if (existing.isEmpty()) {
            return;
        }
        long id = ((Number) existing.get(0).get("id")).longValue();
        boolean moved = !unit.kind().equals(existing.get(0).get("kind"))
                || ((Number) existing.get(0).get("repair_centre_id")).longValue() != centreId;
        if (!moved) {
            return;
        }
        Integer children = jdbc.queryForObject("select count(*) from work_order_units where parent_id = ?",
                Integer.class, id);
        Integer tokens = jdbc.queryForObject("select count(*) from work_order_crew_tokens where crew_unit_id = ? "
                + "and revoked_at is null", Integer.class, id);
        if (children != null && children > 0 || tokens != null && tokens > 0) {
            throw rejected(Kind.CONFLICT, "unit " + unit.code() + " has " + children + " unit(s) under it and "
                    + tokens + " live crew token(s): move those or revoke the tokens before changing its kind or "
                    + "repair centre");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static WorkOrderRejectedException rejected(Kind kind, String message) {
        return new WorkOrderRejectedException(kind, message);
    }
}
