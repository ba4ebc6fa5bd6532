package org.hotline.sms.arrears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hotline.sms.testing.SmsTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class BillingImportIntegrationTests {

    private static SmsTestDatabase db;
    private static BillingImport billing;
    private static List<String> accounts;

    @BeforeAll
    static void start() {
        db = new SmsTestDatabase(20);
        billing = new BillingImport(db.jdbc, new TransactionTemplate(new DataSourceTransactionManager(db.pool)),
                SmsTestDatabase.SHANGHAI);
        accounts = db.jdbc.queryForList("select account_no from accounts order by id limit 3", String.class);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Map<String, Object>> arrearsOf(String accountNo) {
        return db.jdbc.queryForList("""
                select billing_period, amount, days_overdue from arrears ar join accounts a on a.id = ar.account_id
                 where a.account_no = ? order by billing_period""", accountNo);
    }

    @Test
    void anImportReplacesTheArrearsOfEveryAccountInTheFileAndLeavesOthersAlone() throws IOException {
        String a = accounts.get(0);
        String b = accounts.get(1);
        String untouched = accounts.get(2);
        int before = arrearsOf(untouched).size();
        billing.importArrears(csv("\uFEFFaccount_no,billing_period,amount,due_date,days_overdue\n"
                + a + ",2026-09,10.00,2026-10-15,39\n" + a + ",2026-10,20.00,2026-11-15,8\n"
                + b + ",2026-10,30.00,2026-11-15,8\n"));

        ImportResult second = billing.importArrears(csv("account_no,billing_period,amount,due_date,days_overdue\r\n"
                + a + ",2026-10,\"25.50\",2026-11-15,9\r\n"));

        assertThat(second).isEqualTo(new ImportResult(1, 1));
        assertThat(arrearsOf(a)).singleElement().satisfies(r -> {
            assertThat(r.get("billing_period")).isEqualTo("2026-10");
            assertThat(r.get("amount").toString()).isEqualTo("25.50");
        });
        assertThat(arrearsOf(b)).hasSize(1);
        assertThat(arrearsOf(untouched)).hasSize(before);
    }

    @Test
    void aFileWithBadRowsIsRejectedWithEveryRowErrorAndNothingIsImported() throws IOException {
        String a = accounts.get(1);
        List<Map<String, Object>> before = arrearsOf(a);

        assertThatThrownBy(() -> billing.importArrears(csv(
                "account_no,billing_period,amount,due_date,days_overdue\n"
                        + a + ",2026-11,99.00,2026-12-15,0\n"
                        + "NOPE-1,2026-11,1.00,2026-12-15,0\n"
                        + a + ",2026-13,-5,2026-02-30,x\n"
                        + a + ",2026-11,1.00\n")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors()).containsExactly(
                        new RowError(5, "", "3 columns (expected: 5)"),
                        new RowError(3, "account_no", "unknown account 'NOPE-1'"),
                        new RowError(4, "billing_period", "'2026-13' is not YYYY-MM"),
                        new RowError(4, "amount", "'-5' is not an amount > 0 with at most 2 decimals"),
                        new RowError(4, "due_date", "'2026-02-30' is not a date YYYY-MM-DD"),
                        new RowError(4, "days_overdue", "'x' is not a whole number >= 0")));

        assertThat(arrearsOf(a)).isEqualTo(before);
    }

    @Test
    void aWrongHeaderIsRejected() {
        assertThatThrownBy(() -> billing.importArrears(csv("account,period\n1,2\n")))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("expected: account_no,");
    }

    @Test
    void textThatIsNotUtf8IsRejected() {
        byte[] gbk = "account_no,billing_period,amount,due_date,days_overdue\n张三".getBytes(
                java.nio.charset.Charset.forName("GBK"));

        assertThatThrownBy(() -> billing.importArrears(new ByteArrayInputStream(gbk)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void icCardBalancesAreSetPerMeterAndUnknownMetersRejectTheFile() throws IOException {
        String meter = db.jdbc.queryForObject("select meter_no from meters where prepaid_ic_card order by id limit 1",
                String.class);

        billing.importIcCardBalances(csv("meter_no,balance,read_at\n" + meter + ",12.30,2026-11-22 23:10\n"));
        assertThatThrownBy(() -> billing.importIcCardBalances(csv("meter_no,balance,read_at\n" + meter
                + ",1.00,2026-11-23T01:00:00Z\nM-NONE,1,2026-11-23 00:00\n")))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("no IC-card meter 'M-NONE'");

        assertThat(db.jdbc.queryForObject("select balance::text from ic_card_balances where meter_no = ?",
                String.class, meter)).isEqualTo("12.30");
    }
}
