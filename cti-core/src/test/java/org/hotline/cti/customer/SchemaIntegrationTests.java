package org.hotline.cti.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

class SchemaIntegrationTests {

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static MigrateResult migration;

    @BeforeAll
    static void migrate() {
        dataSource = EmbeddedPostgresSupport.emptyDatabase();
        jdbc = new JdbcTemplate(dataSource);
        migration = Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc.update("insert into substations (code, name) values ('SS1', '城东变')");
        jdbc.update("insert into feeder_lines (code, name, substation_id) select 'FL1', '10kV解放线', id from substations");
        jdbc.update("insert into transformer_areas (code, name, feeder_line_id) select 'TA1', '解放路1号台区', id from feeder_lines");
        jdbc.update("insert into addresses (id, full_text, district, street, house_no) values (1, '杭州市上城区解放路1号', '上城区', '解放路', '1号')");
        jdbc.update("insert into premises (id, address_id, transformer_area_id) select 1, 1, id from transformer_areas");
        jdbc.update("insert into customers (id, customer_no, name, kind, address_id) values (1, 'C1', '张三', 'residential', 1)");
        jdbc.update("insert into accounts (account_no, customer_id, premises_id) values ('2024001', 1, 1)");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void flywayMigratesAFreshDatabaseToTheLatestVersion() {
        assertThat(migration.success).isTrue();
        // every migration on the classpath ran, the newest last (other modules add versions of their own)
        MigrationInfo[] all = Flyway.configure().dataSource(dataSource).load().info().all();
        assertThat(migration.migrationsExecuted).isEqualTo(all.length).isGreaterThanOrEqualTo(4);
        assertThat(migration.targetSchemaVersion).isEqualTo(all[all.length - 1].getVersion().getVersion());
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);
        assertThat(tables).contains("customers", "accounts", "premises", "addresses", "customer_phones", "meters",
                "substations", "feeder_lines", "transformer_areas", "arrears", "contacts", "work_orders",
                "work_order_points", "calls", "users", "agent_interfaces", "queues", "queue_members");
    }

    @Test
    void everyTableHasAComment() {
        List<String> uncommented = jdbc.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
                  and obj_description(c.oid, 'pg_class') is null""", String.class);
        assertThat(uncommented).isEmpty();
    }

    @Test
    void everyTimestampColumnIsTimestamptz() {
        List<String> naive = jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public' and data_type = 'timestamp without time zone'
                  and table_name <> 'flyway_schema_history'""", String.class);
        assertThat(naive).isEmpty();
    }

    @Test
    void duplicateAccountNoIsRejected() {
        assertThatThrownBy(() -> jdbc.update(
                "insert into accounts (account_no, customer_id, premises_id) values ('2024001', 1, 1)"))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void duplicateCustomerNoIsRejected() {
        assertThatThrownBy(() -> jdbc.update(
                "insert into customers (customer_no, name, kind) values ('C1', '李四', 'residential')"))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void oneNumberMayBelongToSeveralCustomersButOnlyOncePerCustomer() {
        jdbc.update("insert into customers (id, customer_no, name, kind) values (2, 'C2', '李四', 'residential')");
        jdbc.update("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (1, '13912345678', '13912345678', 'mobile', true)");
        jdbc.update("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (2, '+8613912345678', '13912345678', 'mobile', true)");

        assertThat(jdbc.queryForObject("select count(*) from customer_phones where normalized = '13912345678'",
                Integer.class)).isEqualTo(2);
        assertThatThrownBy(() -> jdbc.update(
                "insert into customer_phones (customer_id, raw, normalized, kind) values (1, '139-1234-5678', '13912345678', 'mobile')"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update(
                "insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (1, '0571-87001234', '057187001234', 'landline', true)"))
                .as("a second primary number").isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void codesOutsideTheirListAreRejected() {
        assertThatThrownBy(() -> jdbc.update(
                "insert into customers (customer_no, name, kind) values ('C9', '某', 'vip')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(
                "insert into contacts (customer_id, channel, category) values (1, 'fax', 'fault')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(
                "insert into meters (meter_no, kind, premises_id) values ('M1', 'steam', 1)"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(
                "insert into users (username, display_name, password_hash, role) values ('x1', 'X', 'h', 'ROOT')"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aWorkOrderIsClosedExactlyWhenItHasAClosingTime() {
        assertThatThrownBy(() -> jdbc.update(
                "insert into work_orders (order_no, customer_id, type, status) values ('GD1', 1, 'repair', 'closed')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(
                "insert into work_orders (order_no, customer_id, type, status, closed_at) values ('GD2', 1, 'repair', 'new', now())"))
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update("insert into work_orders (id, order_no, customer_id, type, status) values (10, 'GD3', 1, 'repair', 'new')");
        jdbc.update("insert into work_order_points (order_id, point, at, unit) values (10, 'A', now(), '热线中心')");
        assertThatThrownBy(() -> jdbc.update(
                "insert into work_order_points (order_id, point, at) values (10, 'I', now())"))
                .as("points run A to H").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void arrearsAreOnePositiveAmountPerAccountAndCycle() {
        Long account = jdbc.queryForObject("select id from accounts where account_no = '2024001'", Long.class);
        jdbc.update("insert into arrears (account_id, billing_period, amount, due_date) values (?, '2026-09', 88.50, '2026-10-20')", account);
        assertThatThrownBy(() -> jdbc.update(
                "insert into arrears (account_id, billing_period, amount, due_date) values (?, '2026-09', 10, '2026-10-20')", account))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update(
                "insert into arrears (account_id, billing_period, amount, due_date) values (?, '2026-13', 10, '2026-10-20')", account))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(
                "insert into arrears (account_id, billing_period, amount, due_date) values (?, '2026-08', -1, '2026-10-20')", account))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aCallIsRecordedOncePerLinkedid() {
        jdbc.update("insert into calls (call_id, direction, started_at, ivr_variables) values ('1795434946.0', 'inbound', now(), '{\"IVR_ACCOUNT\":\"2024001\"}')");
        assertThatThrownBy(() -> jdbc.update(
                "insert into calls (call_id, direction, started_at) values ('1795434946.0', 'inbound', now())"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("select ivr_variables ->> 'IVR_ACCOUNT' from calls where call_id = '1795434946.0'",
                String.class)).isEqualTo("2024001");
    }
}
