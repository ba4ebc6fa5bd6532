package org.hotline.cti.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hotline.cti.customer.CustomerCard.ContactSummary;
import org.hotline.cti.demo.DemoDataGenerator;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CustomerDirectoryIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private static HikariDataSource pool;
    private static final AtomicInteger connections = new AtomicInteger();
    private static final AtomicInteger statements = new AtomicInteger();
    private static CustomerDirectory directory;
    private static final PhoneNumbers phones = new PhoneNumbers(PhoneProperties.defaults());

    @BeforeAll
    static void load() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        new DemoDataGenerator().generate(pool, 3_000, 11L, NOW);
        directory = new CustomerDirectory(counting(pool), phones);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @BeforeEach
    void resetCounters() {
        connections.set(0);
        statements.set(0);
    }

    @Test
    void findByPhoneReturnsEveryCustomerSharingTheNumber() {
        List<CustomerCard> cards = directory.findByPhone(phones.normalize("+8613912345678"), 10);

        assertThat(cards).extracting(CustomerCard::name).containsExactly("李四", "王芳");
        assertThat(cards).allSatisfy(c -> assertThat(c.accounts()).isNotEmpty());
        assertThat(statements.get()).as("one round trip").isEqualTo(1);
    }

    @Test
    void findByPhoneRespectsTheLimit() {
        assertThat(directory.findByPhone(phones.normalize("13912345678"), 1)).hasSize(1);
    }

    @Test
    void findByPhoneFindsNoneForAnUnknownNumber() {
        assertThat(directory.findByPhone(phones.normalize("13700009999"), 10)).isEmpty();
    }

    @Test
    void findByPhoneNeverLooksUpWithheldOrInvalidNumbers() {
        assertThat(directory.findByPhone(phones.normalize("anonymous"), 10)).isEmpty();
        assertThat(directory.findByPhone(phones.normalize("<unknown>"), 10)).isEmpty();
        assertThat(directory.findByPhone(phones.normalize("s"), 10)).isEmpty();

        assertThat(connections.get()).isZero();
    }

    @Test
    void cardCarriesAccountsArrearsOpenOrdersAndTheLastFiveContactsNewestFirst() {
        CustomerCard card = directory.findByPhone(phones.normalize("13800138000"), 10).get(0);

        assertThat(card.name()).isEqualTo("张三");
        assertThat(card.customerNo()).isEqualTo("D000000001");
        assertThat(card.kind()).isEqualTo(CustomerCard.Kind.RESIDENTIAL);
        assertThat(card.address()).startsWith("杭州市");
        assertThat(card.accounts()).extracting(CustomerCard.Account::accountNo).containsExactly("2024001", "3300000001");
        CustomerCard.Account main = card.accounts().get(0);
        assertThat(main.prepaidMeter()).isTrue();
        assertThat(main.meterNo()).startsWith("E");
        assertThat(main.arrears()).isPositive();
        assertThat(main.daysOverdue()).isPositive();
        assertThat(main.transformerArea()).endsWith("台区");
        assertThat(main.feederLine()).startsWith("10kV");
        assertThat(card.accounts().get(1).arrears()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(card.accounts().get(1).daysOverdue()).isNull();
        assertThat(card.arrears()).isEqualByComparingTo(main.arrears());
        assertThat(card.openWorkOrders()).hasSize(1);
        assertThat(card.openWorkOrders().get(0).orderNo()).startsWith("GD");
        assertThat(card.recentContacts()).hasSize(5);
        List<Instant> times = card.recentContacts().stream().map(ContactSummary::at).toList();
        assertThat(times).isSortedAccordingTo((x, y) -> y.compareTo(x));
        Instant oldestShown = times.get(4);
        assertThat(new JdbcTemplate(pool).queryForObject(
                "select count(*) from contacts where customer_id = ? and created_at > ?", Integer.class, card.id(),
                java.sql.Timestamp.from(oldestShown))).isEqualTo(4);
    }

    @Test
    void cardsOfManyCustomersTakeAsManyQueriesAsOne() {
        directory.search("张三", 1);
        int forOne = statements.get();
        statements.set(0);

        List<CustomerCard> many = directory.search("王", 50);

        assertThat(many).hasSize(50);
        assertThat(statements.get()).isEqualTo(forOne);
        assertThat(connections.get()).isEqualTo(2);
    }

    @Test
    void findByAccountNoFindsTheHolder() {
        assertThat(directory.findByAccountNo("2024001")).map(CustomerCard::name).contains("张三");
        assertThat(directory.findByAccountNo(" 2024001 ")).isPresent();
        assertThat(directory.findByAccountNo("8888")).isEmpty();
        assertThat(directory.findByAccountNo("")).isEmpty();
    }

    @Test
    void searchFindsByNamePrefixAccountNoAndPhone() {
        assertThat(directory.search("张三", 20)).extracting(CustomerCard::name).allMatch(n -> n.startsWith("张三"))
                .contains("张三");
        assertThat(directory.search("2024001", 5)).extracting(CustomerCard::name).containsExactly("张三");
        assertThat(directory.search("139 1234 5678", 5)).extracting(CustomerCard::name).containsExactly("李四", "王芳");
        assertThat(directory.search("027-8888-6666", 5)).extracting(CustomerCard::highRisk).containsExactly(true);
        assertThat(directory.search("%", 5)).isEmpty();
        assertThat(directory.search("   ", 5)).isEmpty();
    }

    @Test
    void recordedContactBecomesTheNewestOnTheCard() {
        long id = directory.recordContact(new NewContact(null, "3300000021", "1795434946.0", "13700001111",
                NewContact.Channel.PHONE, NewContact.Category.COMPLAINT, "抢修不及时", "<b>等了两小时</b>",
                "agent1001", null));

        CustomerCard card = directory.findByPhone(phones.normalize("13700001111"), 5).get(0);
        assertThat(id).isPositive();
        assertThat(card.name()).isEqualTo("王五");
        ContactSummary newest = card.recentContacts().get(0);
        assertThat(newest.category()).isEqualTo("complaint");
        assertThat(newest.channel()).isEqualTo("phone");
        assertThat(newest.summary()).isEqualTo("抢修不及时：<b>等了两小时</b>");
        assertThat(newest.agent()).isEqualTo("陈晓燕");
    }

    @Test
    void recordContactRejectsUnknownAccountsAndAgentsAndAccountsOfOtherCustomers() {
        long zhangSan = directory.findByAccountNo("2024001").orElseThrow().id();

        assertThatIllegalArgumentException().isThrownBy(() -> directory.recordContact(new NewContact(null, "0000",
                        null, null, NewContact.Channel.WEB, NewContact.Category.ENQUIRY, null, null, null, null)))
                .withMessage("accountNo: '0000' (expected: an existing account)");
        assertThatIllegalArgumentException().isThrownBy(() -> directory.recordContact(new NewContact(zhangSan, null,
                        null, null, NewContact.Channel.WEB, NewContact.Category.ENQUIRY, null, null, "nobody", null)))
                .withMessage("agentUsername: 'nobody' (expected: a user)");
        assertThatIllegalArgumentException().isThrownBy(() -> directory.recordContact(new NewContact(zhangSan,
                        "3300000021", null, null, NewContact.Channel.WEB, NewContact.Category.ENQUIRY, null, null,
                        null, null)))
                .withMessageStartingWith("accountNo: '3300000021' (expected: an account of customer");
    }

    @Test
    void anUnidentifiedCallerCanBeRecordedByPhoneAlone() {
        long id = directory.recordContact(new NewContact(null, null, "1795434999.4", "13600000000",
                NewContact.Channel.PHONE, NewContact.Category.ENQUIRY, "停电信息", null, null,
                Instant.parse("2026-11-20T08:00:00Z")));

        assertThat(new JdbcTemplate(pool).queryForObject("select customer_id is null and phone = '13600000000' from contacts where id = ?",
                Boolean.class, id)).isTrue();
    }

    @Test
    void limitsOutsideTheRangeAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> directory.findByPhone(phones.normalize("95598"), 0))
                .withMessage("limit: 0 (expected: 1..100)");
        assertThatIllegalArgumentException().isThrownBy(() -> directory.search("王", 101))
                .withMessage("limit: 101 (expected: 1..100)");
    }

    /** Counts connections taken and statements prepared, to prove lookups use a fixed number of queries. */
    private static DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                        Connection real = (Connection) result;
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                                new Class<?>[] {Connection.class}, (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement")) {
                                        statements.incrementAndGet();
                                    }
                                    return invoke(real, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
