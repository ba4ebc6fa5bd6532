package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.Presence;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.ReadyDesks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.hotline.server.testing.SimulatedServerTest;

/**
 * The customer side of the agent page in headless Chromium: the card of a simulated call, the pick-list, the unknown
 * caller's prefilled search, search, contact logging into the history, callbacks and English. Same server settings
 * as {@code ScreenPopEndToEndIntegrationTests}, so they share one Spring context.
 */
@SimulatedServerTest
class AgentDeskBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final Duration PATIENT = Duration.ofMinutes(30);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedServers servers;

    @Autowired
    AmiConnection ami;

    @Autowired
    Presence presence;

    @Autowired
    AgentDirectory agentDirectory;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    PhoneNumbers phoneNumbers;

    @Autowired
    JdbcTemplate jdbc;

    private final List<CallHandle> calls = new ArrayList<>();

    @BeforeEach
    void amiIsConnected() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        ReadyDesks.all(presence, agentDirectory); // earlier classes leave desks in wrap-up or lagged
    }

    @AfterEach
    void hangUpCalls() {
        calls.forEach(CallHandle::hangup);
    }

    @Test
    void aRingingCallPopsTheCardWithAccountsArrearsFlagsWorkOrdersAndMoreHistory() {
        CustomerCard zhang = customers.findByAccountNo("2024001").orElseThrow();
        CustomerCard hospital = customers.findByPhone(phoneNumbers.normalize("02788886666"), 10).get(0);
        logInAndAwaitOnline("agent1001");

        CallHandle call = place("13800138000", "1001");
        WebElement card = awaitCard(call, zhang.customerNo());
        assertThat(card.findElements(By.cssSelector(".accounts tbody tr"))).hasSize(zhang.accounts().size());
        WebElement owed = card.findElement(By.cssSelector("tr[data-account-no='2024001'] td.owed"));
        CustomerCard.Account first = zhang.accounts().stream().filter(a -> a.accountNo().equals("2024001"))
                .findFirst().orElseThrow();
        assertThat(Browser.textContent(owed)).contains("逾期 " + first.daysOverdue() + " 天");
        assertThat(text(card, "tr[data-account-no='2024001'] td.meter")).isEqualTo(first.meterNo()
                + (first.prepaidMeter() ? " (IC卡表)" : ""));
        assertThat(text(card, "tr[data-account-no='2024001'] td.area")).contains(first.transformerArea());
        assertThat(text(card, ".arrears")).startsWith("欠费 ");
        assertThat(card.findElements(By.cssSelector(".work-orders li"))).hasSize(zhang.openWorkOrders().size());
        assertThat(card.findElements(By.cssSelector(".contacts li"))).hasSize(5);
        assertThat(card.findElements(By.cssSelector(".flag"))).isEmpty();

        // other test classes sharing this database log contacts for 张三 too: page until the end, then count
        Integer total = jdbc.queryForObject("select count(*) from contacts where customer_id = ?", Integer.class,
                zhang.id());
        String zhangCard = "#pops .pop[data-call-id='" + call.linkedid() + "'] .customer[data-customer-no='"
                + zhang.customerNo() + "']";
        By items = By.cssSelector(zhangCard + " .contacts li");
        By end = By.cssSelector(zhangCard + " .no-more");
        while (browser.all(end).isEmpty()) {
            int before = browser.all(items).size();
            browser.driver().findElement(By.cssSelector(zhangCard + " button.more-contacts")).click();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> browser.all(items).size() > before || !browser.all(end).isEmpty());
        }
        assertThat(browser.all(items)).hasSize(total);

        call.hangup(); // the simulated phone rings for one call at a time
        WebElement flagged = awaitCard(place("02788886666", "1001"), hospital.customerNo());
        assertThat(text(flagged, ".flag.key")).isEqualTo("大客户");
        assertThat(text(flagged, ".flag.risk")).isEqualTo("高危");
        assertThat(flagged.getDomAttribute("class")).contains("high-risk");
        assertThat(flagged.findElements(By.cssSelector(".work-orders li"))).isNotEmpty();
        browser.screenshot("agent-desk-card");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aSharedNumberShowsAPickListAndTheChoiceFoldsTheOthersAwayAndBindsTheContactForm() {
        List<CustomerCard> shared = customers.findByPhone(phoneNumbers.normalize("13912345678"), 10);
        assertThat(shared).hasSizeGreaterThan(1);
        CustomerCard pick = shared.get(1);
        logInAndAwaitOnline("agent1002");

        CallHandle call = place("13912345678", "1002");
        WebElement pop = awaitPop(call);
        browser.await(By.cssSelector("#pops .pick-note"));
        assertThat(pop.findElements(By.cssSelector(".customer button.choose"))).hasSize(shared.size());
        assertThat(Browser.textContent(browser.await(By.id("contact-customer"))))
                .isEqualTo("未选择客户（可在来电或查询结果中选择）");

        cardIn(pop, pick.customerNo()).findElement(By.cssSelector("button.choose")).click();

        browser.await(By.cssSelector("#pops button.unfold"));
        // only this call's pop: an earlier test's finished pop of this agent may still be on the page
        assertThat(browser.all(By.cssSelector("#pops .pop[data-call-id='" + call.linkedid() + "'] .customer")).stream()
                .map(e -> e.getDomAttribute("data-customer-no")).toList()).containsExactly(pick.customerNo());
        WebElement bound = browser.await(By.id("contact-customer"),
                e -> pick.customerNo().equals(e.getDomAttribute("data-customer-no")));
        assertThat(Browser.textContent(bound)).contains(pick.name());
        assertThat(browser.await(By.id("contact-call")).getDomAttribute("data-call-id")).isEqualTo(call.linkedid());

        browser.driver().findElement(By.cssSelector("#pops button.unfold")).click();
        browser.await(By.cssSelector("#pops .customer[data-customer-no='" + shared.get(0).customerNo() + "']"));
    }

    @Test
    void anUnknownCallerGetsTheSearchBoxPrefilledWithTheNumberAndFocused() {
        logInAndAwaitOnline("agent1003");

        place("13700000077", "1003");

        WebElement q = browser.await(By.id("search-q"), e -> "13700000077".equals(e.getDomProperty("value")));
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("search-q");
        assertThat(q.getDomProperty("value")).isEqualTo("13700000077");
    }

    @Test
    void searchFindsCustomersByNameAccountAndAddress() {
        CustomerCard zhang = customers.findByAccountNo("2024001").orElseThrow();
        logInAndAwaitOnline("agent2003");

        for (String q : List.of("张三", "2024001", zhang.address().substring(3, zhang.address().length() - 1))) {
            search(q);
            WebElement card = browser.await(By.cssSelector("#search-results .customer[data-customer-no='"
                    + zhang.customerNo() + "']"));
            assertThat(text(card, ".customer-name")).startsWith("张三");
        }
        search("没有这个人");
        assertThat(Browser.textContent(browser.await(By.id("search-status"), e -> e.getText().equals("没有找到客户"))))
                .isEqualTo("没有找到客户");
    }

    @Test
    void aContactLoggedOnTheCallAppearsInTheCustomersHistory() {
        CustomerCard zhang = customers.findByAccountNo("2024001").orElseThrow();
        logInAndAwaitOnline("agent1004");
        CallHandle call = place("13800138000", "1004");
        awaitCard(call, zhang.customerNo());
        call.answer();
        browser.await(By.id("contact-customer"), e -> zhang.customerNo().equals(e.getDomAttribute("data-customer-no")));
        String notes = "电压忽高忽低 " + call.linkedid();

        browser.await(By.cssSelector("#contact-category option[value='complaint']"));
        select("contact-category", "complaint");
        select("contact-sub", "服务态度");
        select("contact-account", "2024001");
        browser.driver().findElement(By.id("contact-notes")).sendKeys(notes);
        browser.driver().findElement(By.id("contact-save")).click();

        browser.await(By.id("contact-status"), e -> e.getText().equals("已保存"));
        // checked inside the wait: the pop is drawn again as the call moves on, so an element read later may be gone
        browser.await(By.cssSelector("#pops .customer[data-customer-no='" + zhang.customerNo() + "'] .contacts li"),
                e -> Browser.textContent(e).contains("投诉") && Browser.textContent(e).contains("服务态度：" + notes));
        assertThat(browser.driver().findElement(By.id("contact-notes")).getDomProperty("value")).isEmpty();
    }

    @Test
    void anAbandonedCallAppearsInTheCallbackListAndTakingItMarksItTaken() {
        String number = "13700006666";
        CallHandle call = servers.simulator().placeCall(CallSpec.of(number, "hotline")
                .withOutcome(new Outcome.Abandon(Duration.ofSeconds(20))));
        calls.add(call);
        logInAndAwaitOnline("agent2001");
        call.ended().join();

        By row = By.xpath("//li[contains(@class,'callback')][span[@class='cb-number' and text()='" + number + "']]");
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            browser.driver().findElement(By.id("callbacks-refresh")).click();
            return !browser.all(row).isEmpty();
        });
        // the list re-renders every few seconds: each check finds the row afresh
        browser.await(row, e -> text(e, ".cb-kind").equals("未接来电") && text(e, ".cb-queue").equals("队列 hotline")
                && text(e, ".cb-waited").matches("等待 \\d+ 秒") && text(e, ".cb-customer").equals("未知客户"));

        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> {
            browser.driver().findElement(row).findElement(By.cssSelector("button.cb-take")).click();
            return true;
        });

        browser.await(row, e -> "TAKEN".equals(e.getDomAttribute("data-status"))
                && !e.findElements(By.cssSelector("button.cb-done")).isEmpty());
        // the dial goes through the control helper's endpoint: success or its error is shown, never nothing
        browser.await(row, e -> !text(e, ".cb-message").isEmpty());
    }

    @Test
    void theCallersOutageIsShownInRedWithTheExpectedEndAndNothingWhenThereIsNone() {
        logInAndAwaitOnline("agent2002");

        // the outage capability fills "outages" in the card JSON; the page renders whatever the card carries
        browser.script("""
                const base = {customerNo: 'OUT-1', name: '<b>停电客户</b>', kind: 'RESIDENTIAL', accounts: [],
                  openWorkOrders: [], recentContacts: []};
                const box = document.getElementById('search-results');
                box.appendChild(Hotline.card.render(Object.assign({}, base, {outages: [{outageNo: 'TD-1',
                  kind: 'unplanned', lineCode: 'L1', lineName: '10kV 文三线', areaCode: 'A1', areaName: '文三1号台区',
                  reason: '<i>线路故障抢修</i>', startsAt: '2026-11-23T01:00:00Z',
                  expectedEndAt: '2026-11-23T05:30:00Z'}]})));
                box.appendChild(Hotline.card.render(Object.assign({}, base, {customerNo: 'OUT-2', outages: []})));
                box.appendChild(Hotline.card.render(Object.assign({}, base, {customerNo: 'OUT-3'})));""");

        WebElement outage = browser.await(By.cssSelector(".customer[data-customer-no='OUT-1'] .outage"));
        assertThat(outage.getDomAttribute("data-outage-no")).isEqualTo("TD-1");
        assertThat(text(outage, ".outage-kind")).isEqualTo("故障停电");
        assertThat(text(outage, ".outage-where")).isEqualTo("10kV 文三线 / 文三1号台区");
        assertThat(text(outage, ".outage-reason")).isEqualTo("<i>线路故障抢修</i>");
        assertThat(text(outage, ".outage-until")).startsWith("预计恢复 2026-11-23 ");
        assertThat(outage.getCssValue("color")).isEqualTo("rgba(163, 31, 18, 1)");
        assertThat(browser.all(By.cssSelector("#search-results i, #search-results b"))).isEmpty();
        assertThat(browser.all(By.cssSelector(".customer[data-customer-no='OUT-2'] .outages"))).isEmpty();
        assertThat(browser.all(By.cssSelector(".customer[data-customer-no='OUT-3'] .outages"))).isEmpty();
    }

    @Test
    void switchingToEnglishRelabelsThePanelAndTheCards() {
        logInAndAwaitOnline("agent2002");
        search("2024001");
        browser.await(By.cssSelector("#search-results .customer"));

        browser.driver().findElement(By.id("lang-switch")).click();

        browser.await(By.cssSelector("#search h2"), e -> e.getText().equals("Customer search"));
        browser.await(By.cssSelector("#search-results .accounts th"), e -> e.getText().equals("Account"));
        assertThat(browser.driver().findElement(By.id("search-q")).getDomAttribute("placeholder"))
                .isEqualTo("Phone, name, account, customer no. or address");
        assertThat(browser.driver().findElement(By.id("contact-save")).getText()).isEqualTo("Save");
        assertThat(browser.driver().findElement(By.id("connection")).getText()).isEqualTo("Online");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");

        // the choice is remembered for the user: switch back for the other tests
        browser.driver().findElement(By.id("lang-switch")).click();
        browser.await(By.cssSelector("#search h2"), e -> e.getText().equals("客户查询"));
    }

    private void logInAndAwaitOnline(String username) {
        browser.open(url("/login.html"));
        // the language is the browser's own choice (localStorage): every test starts in the default
        browser.script("localStorage.removeItem('hotline.lang')");
        WebElement button = browser.await(By.id("login-button"), WebElement::isEnabled);
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(DemoUsers.AGENT_PASSWORD);
        button.click();
        browser.awaitUrl(u -> u.endsWith("/agent.html"));
        browser.await(By.id("connection"), e -> e.getText().equals("已连接"));
        browser.await(By.cssSelector("#callback-list li"));
    }

    private void search(String q) {
        WebElement box = browser.driver().findElement(By.id("search-q"));
        box.clear();
        box.sendKeys(q);
        browser.driver().findElement(By.cssSelector("#search-form button[type='submit']")).click();
        browser.await(By.id("search-status"), e -> !e.getText().isEmpty());
    }

    private void select(String id, String value) {
        browser.script("const s = document.getElementById(arguments[0]); s.value = arguments[1];"
                + " s.dispatchEvent(new Event('change'));", id, value);
        assertThat(browser.driver().findElement(By.id(id)).getDomProperty("value")).isEqualTo(value);
    }

    private CallHandle place(String number, String agent) {
        CallHandle call = servers.simulator().placeCall(CallSpec.of(number, "hotline")
                .withOutcome(new Outcome.RingUntilTold(agent)).withPatience(PATIENT));
        calls.add(call);
        return call;
    }

    private WebElement awaitPop(CallHandle call) {
        return browser.await(By.cssSelector("#pops article.pop[data-call-id='" + call.linkedid() + "']"));
    }

    private WebElement awaitCard(CallHandle call, String customerNo) {
        return browser.await(By.cssSelector("#pops article.pop[data-call-id='" + call.linkedid()
                + "'] .customer[data-customer-no='" + customerNo + "']"));
    }

    private static WebElement cardIn(WebElement pop, String customerNo) {
        return pop.findElement(By.cssSelector(".customer[data-customer-no='" + customerNo + "']"));
    }

    private static String text(WebElement scope, String css) {
        return Browser.textContent(scope.findElement(By.cssSelector(css)));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
