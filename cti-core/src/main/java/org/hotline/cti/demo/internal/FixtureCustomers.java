package org.hotline.cti.demo.internal;

/**
 * The first demo customers carry the callers of the captured Asterisk traffic ({@code testdata/ami}), so a
 * replay pops a real card: 张三 13800138000 (account 2024001, keyed in the IVR capture), +8613912345678 shared by
 * two customers (a pick list), the 027 landlines of a hospital and a chemical plant, 13700001111, 13911112222 and
 * the 95598 service line.
 */
final class FixtureCustomers {

    /** One fixture customer; {@code phones} first is primary; the first account gets arrears when {@code arrears}. */
    record Fixture(String name, boolean commercial, boolean keyAccount, boolean highRisk, String[] phones,
                   String[] accountNos, boolean prepaid, boolean arrears, int contacts, boolean openOrder) {
    }

    private static final Fixture[] FIXTURES = {
        new Fixture("张三", false, false, false, new String[] {"13800138000", "0571-87001234"},
                new String[] {"2024001", "3300000001"}, true, true, 7, true),
        new Fixture("李四", false, false, false, new String[] {"13912345678"}, new String[] {"3300000005"},
                false, false, 2, false),
        new Fixture("王芳", false, false, false, new String[] {"13912345678"}, new String[] {"3300000009"},
                false, true, 0, false),
        new Fixture("杭州市第一人民医院", true, true, true, new String[] {"027-88886666", "13700002222"},
                new String[] {"3300000013"}, false, false, 3, true),
        new Fixture("江城精细化工有限公司", true, true, true, new String[] {"027-87654321"},
                new String[] {"3300000017"}, false, true, 1, false),
        new Fixture("王五", false, false, false, new String[] {"13700001111"}, new String[] {"3300000021"},
                false, false, 1, false),
        new Fixture("赵六", false, false, false, new String[] {"13911112222"}, new String[] {"3300000025"},
                true, true, 6, false),
        new Fixture("国网客服中心（95598转办）", true, false, false, new String[] {"95598"},
                new String[] {"3300000029"}, false, false, 0, false),
    };

    /** How many fixture customers there are. */
    static int count() {
        return FIXTURES.length;
    }

    /** Fixture customer {@code i}, or null past the fixtures. */
    Fixture get(int i) {
        return i < FIXTURES.length ? FIXTURES[i] : null;
    }
}
