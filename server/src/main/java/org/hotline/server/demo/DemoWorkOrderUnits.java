package org.hotline.server.demo;

import java.util.List;
import java.util.Map;
import org.hotline.workorder.WorkOrderUnit;
import org.hotline.workorder.WorkOrders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's repair organisation: under each repair centre that has no teams yet, a team on the centre's site and
 * one elsewhere (so both D→E limits show), each with two crews and two managers, and the demo crew member's account
 * on the first crew; an administrator's changes stay.
 */
final class DemoWorkOrderUnits {

    private static final String[][] MANAGERS = {{"王建军", "李国强"}, {"赵立新", "钱文华"}};

    private DemoWorkOrderUnits() {
    }

    /** Adds the teams and crews missing under the demo's centres; returns how many units it added. */
    static int ensure(JdbcTemplate jdbc, WorkOrders orders) {
        List<Map<String, Object>> centres = jdbc.queryForList("""
                select rc.code, rc.name from repair_centres rc
                where not exists (select 1 from work_order_units u where u.repair_centre_id = rc.id)
                order by rc.code""");
        int added = 0;
        int phone = 0;
        for (Map<String, Object> centre : centres) {
            String code = (String) centre.get("code");
            String name = ((String) centre.get("name")).replaceAll("供电所抢修班$|抢修中心$", "");
            for (int t = 1; t <= 2; t++) {
                String team = code + "-T" + t;
                String[] managers = MANAGERS[t - 1];
                orders.saveUnit(new WorkOrderUnit(team, name + "抢修" + (t == 1 ? "一" : "二") + "班", "team", code,
                        null, t == 1, managers[0], demoPhone(++phone), managers[1], demoPhone(++phone)));
                for (int c = 1; c <= 2; c++) {
                    orders.saveUnit(new WorkOrderUnit(team + "-C" + c, name + "抢修" + (t == 1 ? "一" : "二") + "班"
                            + (c == 1 ? "一" : "二") + "组", "crew", code, team, t == 1, null, null, null, null));
                }
                added += 3;
            }
        }
        // the demo crew member's account works for the first crew, unless an administrator bound it elsewhere
        jdbc.update("""
                insert into work_order_crew_accounts (username, crew_unit_id, assigned_at, assigned_by)
                select s.username, (select id from work_order_units where kind = 'crew' order by code limit 1), now(),
                       'demo'
                from users s where s.username = 'crew' and s.role = 'CREW'
                  and exists (select 1 from work_order_units where kind = 'crew')
                on conflict (username) do nothing""");
        return added;
    }

    // the demo customers' numbers start 138/139; 1370000xxxx is kept for demo staff
    private static String demoPhone(int n) {
        return "1370000" + String.format("%04d", 2000 + n);
    }
}
