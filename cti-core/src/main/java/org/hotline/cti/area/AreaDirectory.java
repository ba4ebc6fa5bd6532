package org.hotline.cti.area;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link AreaIndex} of the supply network in the database: every transformer area and every feeder line, searched
 * together by code, pinyin initials or Chinese name (a line's voltage prefix such as {@code 10kV} left out). Built on first use and rebuilt by {@link #refresh()} after
 * imports and edits; searches never wait for a rebuild (they use the previous index meanwhile). Thread-safe.
 */
public final class AreaDirectory {

    /** What a hit is: a transformer area (台区) or a feeder line (线路). */
    public enum Type { AREA, LINE }

    /**
     * One search hit.
     *
     * @param type     area or line
     * @param id       the row id in {@code transformer_areas} or {@code feeder_lines}
     * @param code     its code
     * @param name     its name
     * @param initials the pinyin initials of its name
     * @param kind     why it matched
     */
    public record Hit(Type type, long id, String code, String name, String initials, MatchKind kind) {
    }

    private static final Pattern VOLTAGE = Pattern.compile("^\\s*\\d+(\\.\\d+)?\\s*[kK][vV]\\s*");

    private final JdbcTemplate jdbc;
    private final PinyinInitials pinyin;
    private volatile AreaIndex index;

    /** Reads the network through {@code dataSource}, with the standard place-name readings. */
    public AreaDirectory(DataSource dataSource) {
        this(dataSource, PinyinInitials.standard());
    }

    /** Reads the network through {@code dataSource} with the given readings. */
    public AreaDirectory(DataSource dataSource, PinyinInitials pinyin) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.pinyin = Objects.requireNonNull(pinyin, "pinyin");
    }

    /**
     * Areas and lines matching {@code query}, best first (see {@link AreaIndex#search(String, int)}).
     *
     * @throws IllegalArgumentException for a query longer than {@link AreaIndex#MAX_QUERY_LENGTH} or a bad limit
     */
    public List<Hit> search(String query, int limit) {
        AreaIndex current = index;
        if (current == null) {
            current = refresh();
        }
        List<Hit> hits = new ArrayList<>();
        for (AreaMatch m : current.search(query, limit)) {
            long id = m.entry().id();
            // lines are stored under negative ids so both tables share one index
            hits.add(new Hit(id < 0 ? Type.LINE : Type.AREA, Math.abs(id), m.entry().code(), m.entry().name(),
                    m.initials(), m.kind()));
        }
        return hits;
    }

    /** How many areas and lines the current index holds (builds it when none yet). */
    public int size() {
        AreaIndex current = index;
        return current == null ? refresh().size() : current.size();
    }

    /** Rebuilds the index from the database now and returns it. */
    public synchronized AreaIndex refresh() {
        List<AreaEntry> entries = new ArrayList<>();
        // blank names cannot be searched (the import refuses them; older rows may hold them)
        jdbc.query("select id, code, name from transformer_areas where btrim(code) <> '' and btrim(name) <> ''",
                rs -> {
                    entries.add(new AreaEntry(rs.getLong(1), rs.getString(2), rs.getString(3)));
                });
        jdbc.query("select id, code, name from feeder_lines where btrim(code) <> '' and btrim(name) <> ''", rs -> {
            // agents say 建设南路线, not 10kV建设南路线: the voltage prefix is left out of the initials
            String name = VOLTAGE.matcher(rs.getString(3)).replaceFirst("");
            entries.add(new AreaEntry(-rs.getLong(1), rs.getString(2), name.isBlank() ? rs.getString(3) : name));
        });
        AreaIndex built = AreaIndex.of(entries, pinyin);
        index = built;
        return built;
    }
}
