package org.hotline.cti.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.cti.area.AreaDirectory;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.demo.DemoDataGenerator;
import org.hotline.cti.outage.NewOutage;
import org.hotline.cti.outage.OutageDesk;
import org.hotline.cti.outage.OutageKind;
import org.hotline.cti.outage.OutageStatus;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class NetworkIntegrationTests {

    private static final String NETWORK = """
            \uFEFFtype,code,name,parent_code
            substation,SS-T1,测试110kV变电站,
            line,L-T1,10kV建设南路线,SS-T1
            area,A-T1,建设南路1号台区,L-T1
            area,A-T2,"重庆路2号台区",L-T1
            """;

    private static HikariDataSource pool;
    private static JdbcTemplate jdbc;
    private static AreaDirectory areas;
    private static NetworkImport imports;
    private static Network network;
    private static Lookup lookup;
    private static OutageDesk desk;

    @BeforeAll
    static void load() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        new DemoDataGenerator().generate(pool, 1_000, 5L, Instant.parse("2026-11-23T02:00:00Z"));
        jdbc = new JdbcTemplate(pool);
        OutageStatus status = new OutageStatus(pool, Clock.systemUTC());
        areas = new AreaDirectory(pool);
        imports = new NetworkImport(pool, areas);
        network = new Network(pool, status, areas);
        lookup = new Lookup(pool, areas, new CustomerDirectory(pool, new PhoneNumbers(PhoneProperties.defaults())),
                network, status);
        desk = new OutageDesk(pool, Clock.systemUTC());
        assertThat(imports.importNetwork(NETWORK)).isEqualTo(new ImportResult(1, 1, 2));
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void theNetworkImportReadsABomAndQuotesAndUpsertsByCode() {
        ImportResult again = imports.importNetwork("""
                type,code,name,parent_code
                area,A-T2,重庆路2号台区（改）,L-T1
                """);

        assertThat(again).isEqualTo(new ImportResult(0, 0, 1));
        assertThat(jdbc.queryForObject("select name from transformer_areas where code = 'A-T2'", String.class))
                .isEqualTo("重庆路2号台区（改）");
        assertThat(jdbc.queryForObject("select count(*) from transformer_areas where code like 'A-T%'", Long.class))
                .isEqualTo(2);
        imports.importNetwork(NETWORK);
    }

    @Test
    void anUnknownLineCodeRefusesTheWholeFileWithTheRowAndColumn() {
        long before = jdbc.queryForObject("select count(*) from transformer_areas", Long.class);

        assertThatThrownBy(() -> imports.importNetwork("""
                type,code,name,parent_code
                area,A-NEW1,新台区一,L-T1
                area,A-NEW2,新台区二,L-NOPE
                area,A-NEW1,重复,L-T1
                line,,无编码线,SS-T1
                """))
                .isInstanceOfSatisfying(NetworkImportException.class, e -> assertThat(e.errors()).containsExactly(
                        new RowError(3, "parent_code", "unknown line code L-NOPE"),
                        new RowError(4, "code", "duplicate area code A-NEW1 (first on line 2)"),
                        new RowError(5, "code", "missing")));
        assertThat(jdbc.queryForObject("select count(*) from transformer_areas", Long.class)).isEqualTo(before);
    }

    @Test
    void theAreasImportSetsContactsAndRepairCentresAndRefusesBadPhones() {
        assertThatThrownBy(() -> imports.importAreas("""
                area_code,area_name,line_code,repair_centre_code,repair_centre_name,repair_centre_phone,responsible_person,responsible_phone
                A-T1,,,RC-T,测试抢修中心,0755-1234,张工,call me
                A-T9,新台区,L-NOPE,,,,,
                """))
                .isInstanceOfSatisfying(NetworkImportException.class, e -> assertThat(e.errors())
                        .extracting(RowError::line, RowError::column)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "responsible_phone"),
                                org.assertj.core.groups.Tuple.tuple(3, "line_code")));
        assertThat(jdbc.queryForObject("select count(*) from repair_centres where code = 'RC-T'", Long.class)).isZero();

        imports.importAreas("""
                area_code,area_name,line_code,repair_centre_code,repair_centre_name,repair_centre_phone,responsible_person,responsible_phone
                A-T1,,,RC-T,测试抢修中心,0755-12345678,张工,138 0013 8000
                """);

        LineTree tree = network.lineTree("L-T1").orElseThrow();
        LineTree.AreaNode a1 = tree.areas().stream().filter(a -> a.code().equals("A-T1")).findFirst().orElseThrow();
        assertThat(a1.name()).isEqualTo("建设南路1号台区");
        assertThat(a1.responsiblePerson()).isEqualTo("张工");
        assertThat(a1.repairCentre()).isEqualTo(new RepairCentre("RC-T", "测试抢修中心", "0755-12345678"));
    }

    @Test
    void lookupFindsAreasByPinyinInitialsInAnyCaseWithTheirOutages() {
        var o = desk.declare(new NewOutage(OutageKind.UNPLANNED, "L-T1", null, "线路故障",
                Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofHours(1))), "sup");
        try {
            List<LookupResult> found = lookup.search("JSNL", 20);

            assertThat(found).extracting(LookupResult::code).contains("A-T1", "L-T1");
            LookupResult area = found.stream().filter(r -> r.code().equals("A-T1")).findFirst().orElseThrow();
            assertThat(area.type()).isEqualTo("area");
            assertThat(area.lineCode()).isEqualTo("L-T1");
            assertThat(area.outages()).extracting(v -> v.outage().id()).containsExactly(o.id());
            assertThat(area.outages().get(0).active()).isTrue();
            assertThat(lookup.search("cql", 20)).extracting(LookupResult::code).contains("A-T2");
            assertThat(lookup.search("a-t", 20)).extracting(LookupResult::code).contains("A-T1", "A-T2");
        } finally {
            desk.restore(o.id(), "sup");
        }
    }

    @Test
    void lookupFindsCustomersByNameWithTheirArea() {
        List<LookupResult> found = lookup.search("张三", 20);

        assertThat(found).filteredOn(r -> r.type().equals("customer")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.areaCode()).isNotNull());
    }

    @Test
    void oddLookupQueriesFindNothingOrAreRefusedButNeverFail() {
        assertThat(lookup.search("!!!@@@", 20)).isEmpty();
        assertThat(lookup.search("😀😀", 20)).isEmpty();
        assertThat(lookup.search("   ", 20)).isEmpty();
        assertThat(lookup.search("%_\\'", 20)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> lookup.search("j".repeat(500), 20))
                .withMessage("q: 500 chars (expected: <= 64)");
        assertThatIllegalArgumentException().isThrownBy(() -> lookup.search("jsnl", 0));
    }

    @Test
    void editsChangeAnAreaAndTheSearchSeesThemAtOnce() {
        network.editArea("A-T2", new AreaEdit("解放西路台区", null, "李工", "13900001111"));

        assertThat(lookup.search("jfxl", 5)).extracting(LookupResult::code).containsExactly("A-T2");
        assertThatThrownBy(() -> network.editArea("A-T2", new AreaEdit("x", "RC-NOPE", null, null)))
                .isInstanceOf(NetworkRejectedException.class).hasMessageContaining("unknown repair centre");
        assertThatThrownBy(() -> network.editLine("L-NOPE", new LineEdit("x", null)))
                .isInstanceOfSatisfying(NetworkRejectedException.class, e -> assertThat(e.notFound()).isTrue());
        network.editArea("A-T2", new AreaEdit("重庆路2号台区", null, null, null));
    }
}
