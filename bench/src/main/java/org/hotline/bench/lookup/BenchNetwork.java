package org.hotline.bench.lookup;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grows the demo network to the benchmark's size with set-based SQL: lines and areas with generated Chinese place
 * names (so pinyin initials spread as real ones do), and one line feeding a given number of customers.
 */
final class BenchNetwork {

    private static final String CHARS = "建设南北东西中山解放人民和平幸福新村小区花园街道巷里长沙重庆厦门金水湖城桥港湾"
            + "光明胜利友谊文化工业农业学府公园龙凤华兴安宁泰康永乐富民朝阳向阳红星团结前进";

    // a place name from g: 3-4 characters picked by hash, a suffix, sometimes a house number
    private static final String NAME = """
            substr(c, 1 + (hashtext(g || 'a') & 2147483647) %% l, 1) || substr(c, 1 + (hashtext(g || 'b') & 2147483647) %% l, 1)
            || substr(c, 1 + (hashtext(g || 'c') & 2147483647) %% l, 1)
            || case when g %% 2 = 0 then substr(c, 1 + (hashtext(g || 'd') & 2147483647) %% l, 1) else '' end
            || (array['路', '街', '小区', '村', '台区', '花园', '大道'])[1 + g %% 7]
            || case when g %% 4 = 0 then (1 + g %% 200)::text || '号' else '' end""";

    private BenchNetwork() {
    }

    /** Adds lines and areas until there are {@code lines} lines and {@code areas} areas. */
    static void topUp(HikariDataSource ds, int areas, int lines) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("insert into substations (code, name) values ('SS-BENCH', '基准110kV变电站') on conflict do nothing");
        jdbc.update(("""
                with v as (select '%s'::text as c, %d as l)
                insert into feeder_lines (code, name, substation_id)
                select 'BL' || lpad(g::text, 5, '0'), '10kV' || %s || '线', (select id from substations where code = 'SS-BENCH')
                from v, generate_series(1, greatest(0, ? - (select count(*) from feeder_lines)::int)) g
                on conflict (code) do nothing""").formatted(CHARS, CHARS.length(), NAME.formatted()), lines);
        jdbc.update(("""
                with v as (select '%s'::text as c, %d as l), ls as (select array_agg(id order by id) ids from feeder_lines)
                insert into transformer_areas (code, name, feeder_line_id)
                select 'BA' || lpad(g::text, 6, '0'), %s, ls.ids[1 + g %% array_length(ls.ids, 1)]
                from v, ls, generate_series(1, greatest(0, ? - (select count(*) from transformer_areas)::int)) g
                on conflict (code) do nothing""").formatted(CHARS, CHARS.length(), NAME.formatted()), areas);
        jdbc.execute("analyze feeder_lines, transformer_areas");
    }

    /** Puts the premises of {@code customers} customers on the areas of a new line {@code code}; returns how many. */
    static int cascadeLine(HikariDataSource ds, String code, int customers) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        int areaCount = Math.max(1, customers / 150);
        jdbc.update("""
                insert into feeder_lines (code, name, substation_id)
                values (?, '10kV基准联络线', (select id from substations where code = 'SS-BENCH'))
                on conflict (code) do nothing""", code);
        jdbc.update("""
                insert into transformer_areas (code, name, feeder_line_id)
                select 'BC' || lpad(g::text, 4, '0'), '基准联络' || g || '号台区', (select id from feeder_lines where code = ?)
                from generate_series(1, ?) g on conflict (code) do nothing""", code, areaCount);
        jdbc.update("""
                with bench as (select array_agg(ta.id order by ta.id) ids from transformer_areas ta
                               join feeder_lines l on l.id = ta.feeder_line_id and l.code = ?),
                     moved as (select ac.premises_id from accounts ac
                               where ac.customer_id in (select id from customers order by id offset 1000 limit ?))
                update premises p set transformer_area_id = bench.ids[1 + p.id %% array_length(bench.ids, 1)]
                from bench where p.id in (select premises_id from moved)""".replace("%%", "%"), code, customers);
        jdbc.execute("analyze premises, transformer_areas");
        Integer n = jdbc.queryForObject("""
                select count(distinct ac.customer_id) from feeder_lines l
                join transformer_areas ta on ta.feeder_line_id = l.id
                join premises p on p.transformer_area_id = ta.id
                join accounts ac on ac.premises_id = p.id and ac.closed_at is null
                where l.code = ?""", Integer.class, code);
        return n == null ? 0 : n;
    }
}
