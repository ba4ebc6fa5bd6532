package org.hotline.cti.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.demo.DemoDataGenerator;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The desk's look-ups: address search, one card by customer number and contact history pages. */
class CustomerSearchIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private static HikariDataSource pool;
    private static CustomerDirectory directory;
    private static CustomerCard zhang;

    @BeforeAll
    static void load() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        new DemoDataGenerator().generate(pool, 500, 11L, NOW);
        directory = new CustomerDirectory(pool, new PhoneNumbers(PhoneProperties.defaults()));
        zhang = directory.findByAccountNo("2024001").orElseThrow();
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void searchFindsACustomerByAPartOfTheMainAddress() {
        String part = zhang.address().substring(3, zhang.address().length() - 1);

        assertThat(directory.search(part, 100)).extracting(CustomerCard::customerNo).contains(zhang.customerNo());
    }

    @Test
    void searchFindsACustomerByAPartOfAPremisesAddressAndByTheStreet() {
        String premises = zhang.accounts().get(1).premisesAddress();
        String street = new JdbcTemplate(pool).queryForObject("""
                select a.street from accounts ac join premises p on p.id = ac.premises_id
                join addresses a on a.id = p.address_id where ac.account_no = ?""", String.class,
                zhang.accounts().get(1).accountNo());

        assertThat(directory.search(premises, 100)).extracting(CustomerCard::customerNo).contains(zhang.customerNo());
        assertThat(directory.search(street, 100)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.address() + c.accounts()).contains(street));
    }

    @Test
    void addressTextIsMatchedLiterallyNotAsAPattern() {
        assertThat(directory.search("%%", 10)).isEmpty();
        assertThat(directory.search("_路", 10)).isEmpty();
    }

    @Test
    void searchByNamePrefixAccountAndCustomerNumber() {
        assertThat(directory.search("张", 100)).extracting(CustomerCard::name).contains("张三");
        assertThat(directory.search("2024001", 10)).first().extracting(CustomerCard::customerNo)
                .isEqualTo(zhang.customerNo());
        assertThat(directory.search(zhang.customerNo(), 10)).first().extracting(CustomerCard::name).isEqualTo("张三");
        assertThat(directory.search("13912345678", 10)).extracting(CustomerCard::name).contains("李四", "王芳");
    }

    @Test
    void findByCustomerNoGivesTheCompleteCard() {
        CustomerCard card = directory.findByCustomerNo(" " + zhang.customerNo() + " ").orElseThrow();

        assertThat(card).isEqualTo(zhang);
        assertThat(directory.findByCustomerNo("no-such-customer")).isEmpty();
        assertThat(directory.findByCustomerNo(" ")).isEmpty();
    }

    @Test
    void contactHistoryPagesBackwardsFromTheOldestShownWithoutGapsOrRepeats() {
        assertThat(zhang.recentContacts()).hasSize(5);
        List<CustomerCard.ContactSummary> all = new ArrayList<>(zhang.recentContacts());
        Instant before = all.get(all.size() - 1).at();
        while (true) {
            List<CustomerCard.ContactSummary> page = directory.contactHistory(zhang.id(), before, 1);
            if (page.isEmpty()) {
                break;
            }
            all.addAll(page);
            before = page.get(0).at();
        }

        assertThat(all).hasSize(7).doesNotHaveDuplicates();
        assertThat(all).extracting(CustomerCard.ContactSummary::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(directory.contactHistory(zhang.id(), Instant.now().plusSeconds(1), 10))
                .startsWith(zhang.recentContacts().toArray(CustomerCard.ContactSummary[]::new));
    }
}
