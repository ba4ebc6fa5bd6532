package org.hotline.cti.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class DemoDataGeneratorIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final int CUSTOMERS = 20_000;

    private static HikariDataSource big;
    private static JdbcTemplate jdbc;
    private static DemoDataGenerator.Summary first;

    @BeforeAll
    static void generate() {
        big = EmbeddedPostgresSupport.migratedDatabase();
        jdbc = new JdbcTemplate(big);
        first = new DemoDataGenerator().generate(big, CUSTOMERS, 7L, NOW);
    }

    @AfterAll
    static void close() {
        big.close();
    }

    @Test
    void createsExactlyTheRequestedNumberOfCustomersQuickly() {
        assertThat(jdbc.queryForObject("select count(*) from customers", Integer.class)).isEqualTo(CUSTOMERS);
        assertThat(first.customersBefore()).isZero();
        assertThat(first.customersAdded()).isEqualTo(CUSTOMERS);
        assertThat(first.took()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void everyCustomerHasAnAccountWithPremisesMeterAreaAndAPrimaryPhone() {
        assertThat(jdbc.queryForObject("""
                select count(*) from customers c where not exists (select 1 from accounts a where a.customer_id = c.id)
                   or not exists (select 1 from customer_phones p where p.customer_id = c.id and p.is_primary)""",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from accounts a join premises p on p.id = a.premises_id
                where p.transformer_area_id is null
                   or not exists (select 1 from meters m where m.premises_id = p.id)""", Integer.class)).isZero();
    }

    @Test
    void dataLooksLikeAUtilitysCustomerBase() {
        assertThat(jdbc.queryForObject("""
                select count(*) from (select normalized from customer_phones group by normalized
                                      having count(distinct customer_id) > 1) shared""", Integer.class))
                .as("numbers shared by several customers").isGreaterThan(100);
        assertThat(jdbc.queryForObject("select count(*) from customers where high_risk", Integer.class))
                .as("high-risk customers").isBetween(3, 100);
        assertThat(jdbc.queryForObject("select count(*) from customers where key_account", Integer.class))
                .as("key accounts").isBetween(10, 400);
        assertThat(jdbc.queryForObject("select count(*) from meters where prepaid_ic_card", Integer.class))
                .as("IC-card meters").isGreaterThan(500);
        assertThat(jdbc.queryForObject("select count(distinct account_id) from arrears", Integer.class))
                .as("accounts in arrears").isBetween(1_500, 4_000);
        assertThat(jdbc.queryForObject("select count(*) from work_orders where closed_at is null", Integer.class))
                .as("open work orders").isBetween(300, 1_000);
        assertThat(jdbc.queryForObject("select count(*) from transformer_areas", Integer.class))
                .isEqualTo((CUSTOMERS + 149) / 150);
        assertThat(jdbc.queryForObject("select count(*) from contacts", Integer.class)).isGreaterThan(5_000);
        List<String> categories = jdbc.queryForList("select distinct category from contacts order by 1", String.class);
        assertThat(categories).containsExactly("complaint", "enquiry", "fault", "praise", "request");
        assertThat(jdbc.queryForList("select name from customers where kind = 'residential' limit 50", String.class))
                .allMatch(n -> n.matches("\\p{IsHan}{2,3}"));
    }

    @Test
    void theCapturedCallersAreCustomers() {
        assertThat(jdbc.queryForList("""
                select c.name from customer_phones p join customers c on c.id = p.customer_id
                where p.normalized = '13800138000'""", String.class)).containsExactly("张三");
        assertThat(jdbc.queryForList("""
                select c.name from customer_phones p join customers c on c.id = p.customer_id
                where p.normalized = '13912345678' order by c.id""", String.class)).containsExactly("李四", "王芳");
        assertThat(jdbc.queryForObject("""
                select c.high_risk from customer_phones p join customers c on c.id = p.customer_id
                where p.normalized = '02788886666'""", Boolean.class)).isTrue();
        for (String n : List.of("02787654321", "13700001111", "13911112222", "95598")) {
            assertThat(jdbc.queryForObject("select count(*) from customer_phones where normalized = ?", Integer.class, n))
                    .as(n).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("""
                select c.name from accounts a join customers c on c.id = a.customer_id where a.account_no = '2024001'""",
                String.class)).isEqualTo("张三");
    }

    @Test
    void demoUsersCanSignInWithTheDocumentedPasswords() {
        AgentDirectory agents = new AgentDirectory(big);

        assertThat(agents.verify("agent1001", DemoUsers.AGENT_PASSWORD)).isTrue();
        assertThat(agents.verify("agent2003", DemoUsers.AGENT_PASSWORD)).isTrue();
        assertThat(agents.verify("supervisor", DemoUsers.SUPERVISOR_PASSWORD)).isTrue();
        assertThat(agents.verify("admin", DemoUsers.ADMIN_PASSWORD)).isTrue();
        assertThat(agents.verify("admin", DemoUsers.AGENT_PASSWORD)).isFalse();
        assertThat(agents.findByUsername("agent1003").orElseThrow().queues()).containsExactly("hotline", "gas");
        assertThat(agents.findByUsername("agent2002").orElseThrow().interfaces())
                .containsExactly("Local/2002@agents/n", "PJSIP/2002");
        assertThat(agents.verify("dispatcher", DemoUsers.DISPATCHER_PASSWORD)).isTrue();
        assertThat(agents.findByUsername("teamlead").orElseThrow().role()).isEqualTo(AgentAccount.Role.TEAM_LEAD);
        assertThat(agents.findByUsername("crew").orElseThrow().role()).isEqualTo(AgentAccount.Role.CREW);
        assertThat(agents.all()).hasSize(12);
    }

    @Test
    void runningAgainAddsNothing() {
        DemoDataGenerator.Summary again = new DemoDataGenerator().generate(big, CUSTOMERS, 7L, NOW);

        assertThat(again.customersBefore()).isEqualTo(CUSTOMERS);
        assertThat(again.customersAdded()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from customers", Integer.class)).isEqualTo(CUSTOMERS);
        assertThat(jdbc.queryForObject("select count(*) from users", Integer.class)).isEqualTo(12);
    }

    @Test
    void isDeterministicForASeedAndGrowsByGeneratingOnlyTheMissingCustomers() {
        try (HikariDataSource a = EmbeddedPostgresSupport.migratedDatabase();
             HikariDataSource b = EmbeddedPostgresSupport.migratedDatabase();
             HikariDataSource c = EmbeddedPostgresSupport.migratedDatabase()) {
            new DemoDataGenerator().generate(a, 1_500, 99L, NOW);
            new DemoDataGenerator().generate(b, 600, 99L, NOW);
            new DemoDataGenerator().generate(b, 1_500, 99L, NOW);
            new DemoDataGenerator().generate(c, 1_500, 100L, NOW);

            assertThat(fingerprint(b)).isEqualTo(fingerprint(a));
            assertThat(fingerprint(c)).isNotEqualTo(fingerprint(a));
            assertThat(new JdbcTemplate(b).queryForObject("select count(*) from customers", Integer.class))
                    .isEqualTo(1_500);
        }
    }

    @Test
    void commandLineMigratesAnEmptyDatabaseAndGenerates() {
        try (HikariDataSource empty = EmbeddedPostgresSupport.emptyDatabase()) {
            DemoDataGenerator.main(new String[] {"--jdbc-url", empty.getJdbcUrl(), "--user", "postgres",
                "--customers", "300", "--seed", "5"});

            assertThat(new JdbcTemplate(empty).queryForObject("select count(*) from customers", Integer.class))
                    .isEqualTo(300);
        }
    }

    /** Content by customer number, independent of generated ids. */
    private static String fingerprint(HikariDataSource ds) {
        return new JdbcTemplate(ds).queryForObject("""
                select md5(string_agg(c.customer_no || c.name || c.kind || ph.nums || ac.accts || coalesce(k.ks, ''), '|'
                                      order by c.customer_no))
                from customers c
                cross join lateral (select string_agg(normalized || is_primary, ',' order by normalized) nums
                                    from customer_phones where customer_id = c.id) ph
                cross join lateral (select string_agg(a.account_no || m.meter_no || ad.full_text
                                                      || coalesce((select sum(amount)::text from arrears where account_id = a.id), ''),
                                                      ',' order by a.account_no) accts
                                    from accounts a join premises p on p.id = a.premises_id
                                    join addresses ad on ad.id = p.address_id
                                    join meters m on m.premises_id = p.id where a.customer_id = c.id) ac
                left join lateral (select string_agg(category || created_at::text, ',' order by created_at) ks
                                   from contacts where customer_id = c.id) k on true""", String.class);
    }
}
