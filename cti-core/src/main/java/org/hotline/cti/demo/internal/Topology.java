package org.hotline.cti.demo.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo supply network, derived from the customer count: one transformer area (台区) per ~150 customers, each on a
 * street block, six blocks of a street per feeder line (线路), two lines per substation, so that the premises of a
 * street share their area and line as they would in a real city.
 */
public final class Topology {

    /** Customers per transformer area, on average. */
    static final int CUSTOMERS_PER_AREA = 150;
    private static final int BLOCKS_PER_LINE = 6;
    private static final int LINES_PER_SUBSTATION = 2;
    private static final int HOUSES_PER_BLOCK = 10;

    private final List<Street> streets = new ArrayList<>();
    private final int areas;
    private long[] areaIds;

    /** The network for {@code customers} demo customers. */
    public Topology(int customers) {
        for (Vocabulary.District d : Vocabulary.DISTRICTS) {
            for (String s : d.streets()) {
                streets.add(new Street(d, s));
            }
        }
        this.areas = Math.max(streets.size(), (customers + CUSTOMERS_PER_AREA - 1) / CUSTOMERS_PER_AREA);
    }

    /** How many transformer areas there are. */
    public int areas() {
        return areas;
    }

    /** The street of area {@code j}. */
    Street street(int area) {
        return streets.get(area % streets.size());
    }

    /** A house number on area {@code j}'s block ({@code r} in 0..9). */
    int houseNo(int area, int r) {
        return block(area) * HOUSES_PER_BLOCK + 1 + r;
    }

    /** The database id of area {@code j} once {@link #save} ran. */
    long areaId(int area) {
        return areaIds[area];
    }

    /** Inserts the network (existing codes are kept) and reads back the area ids. */
    public void save(Connection c) throws SQLException {
        int lines = 0;
        try (PreparedStatement subs = c.prepareStatement(
                "insert into substations (code, name) values (?, ?) on conflict (code) do nothing");
             PreparedStatement fls = c.prepareStatement("""
                     insert into feeder_lines (code, name, substation_id)
                     select ?, ?, id from substations where code = ? on conflict (code) do nothing""");
             PreparedStatement tas = c.prepareStatement("""
                     insert into transformer_areas (code, name, feeder_line_id)
                     select ?, ?, id from feeder_lines where code = ? on conflict (code) do nothing""")) {
            for (int j = 0; j < areas; j++) {
                Street s = street(j);
                int line = block(j) / BLOCKS_PER_LINE;
                if (block(j) % BLOCKS_PER_LINE == 0) {
                    int sub = line / LINES_PER_SUBSTATION;
                    if (line % LINES_PER_SUBSTATION == 0 && s.isFirstOfDistrict()) {
                        subs.setString(1, substationCode(s, sub));
                        subs.setString(2, s.district().name().substring(0, 2) + (sub + 1) + "号110kV变电站");
                        subs.addBatch();
                    }
                    fls.setString(1, lineCode(j));
                    fls.setString(2, "10kV" + s.name() + (line + 1) + "号线");
                    fls.setString(3, substationCode(s, sub));
                    fls.addBatch();
                    lines++;
                }
                tas.setString(1, areaCode(j));
                tas.setString(2, s.name() + houseNo(j, 0) + "号台区");
                tas.setString(3, lineCode(j));
                tas.addBatch();
            }
            subs.executeBatch();
            fls.executeBatch();
            tas.executeBatch();
        }
        areaIds = new long[areas];
        try (PreparedStatement ps = c.prepareStatement(
                "select code, id from transformer_areas where code between 'TA000000' and 'TA999999'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int j = Integer.parseInt(rs.getString(1).substring(2)) - 1;
                if (j < areas) {
                    areaIds[j] = rs.getLong(2);
                }
            }
        }
        if (lines == 0) {
            throw new IllegalStateException("no feeder lines generated for " + areas + " areas");
        }
    }

    private int block(int area) {
        return area / streets.size();
    }

    private String substationCode(Street s, int sub) {
        // every street of a district maps onto the district's substations, so the first street's rows create them
        return "SS-" + s.district().code() + "-" + String.format("%02d", sub + 1);
    }

    private String lineCode(int area) {
        return "FL" + String.format("%05d", (block(area) / BLOCKS_PER_LINE) * streets.size() + area % streets.size() + 1);
    }

    private static String areaCode(int area) {
        return "TA" + String.format("%06d", area + 1);
    }

    /** A street and its district. */
    record Street(Vocabulary.District district, String name) {
        boolean isFirstOfDistrict() {
            return district.streets()[0].equals(name);
        }
    }
}
