package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.RoundingMode;
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
import org.hotline.cti.push.PopStore;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.ReadyDesks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.hotline.server.testing.SimulatedServerTest;

/**
 * The agent page in a real headless Chromium: login form, WebSocket, pops rendered from the simulator's calls, and
 * caller-supplied text that must stay text. Same server settings as {@code ScreenPopEndToEndIntegrationTests}, so
 * both share one Spring context.
 */
@SimulatedServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentPageBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final String ONLINE = "已连接";
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
    PopStore popStore;

    @Autowired
    AgentDirectory agentDirectory;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    PhoneNumbers phoneNumbers;

    private final List<CallHandle> calls = new ArrayList<>();

    @BeforeEach
    void amiIsConnected() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        ReadyDesks.all(presence, agentDirectory); // earlier classes leave desks in wrap-up or lagged
    }

    @AfterEach
    void hangUpCalls() {
        calls.forEach(CallHandle::hangup);
        calls.clear();
    }

    /** Ended pops linger: the classes sharing this context expect their agents to start without any. */
    @AfterAll
    void popsHaveLingeredAway(@Autowired PopStore pops) {
        List<String> agents = List.of("agent1001", "agent1002", "agent1003", "agent1004", "agent2001",
                "agent2002", "agent2003");
        await().atMost(Duration.ofSeconds(60)).until(() -> agents.stream().allMatch(a -> pops.current(a).isEmpty()));
    }

    @Test
    void agentLogsInOnTheLoginPageAndTheRingingCallPopsTheCallersCustomerCard() {
        CustomerCard zhang = customers.findByPhone(phoneNumbers.normalize("13800138000"), 10).stream()
                .filter(c -> c.name().equals("张三")).findFirst().orElseThrow();
        // other classes share this server: a pop agent1001 finished there stays listed for a while
        await().atMost(Duration.ofSeconds(60)).until(() -> popStore.current("agent1001").isEmpty());
        logInAndAwaitOnline("agent1001", DemoUsers.AGENT_PASSWORD);
        assertThat(browser.url()).isEqualTo(url("/agent.html"));
        assertThat(browser.await(By.id("me"), e -> !e.getText().isEmpty()).getText()).contains("(agent1001)");
        assertThat(browser.await(By.id("no-calls")).getText()).isEqualTo("没有来电");

        CallHandle call = place(CallSpec.of("13800138000", "hotline").withCallerName("张三")
                .withVariable("IVR_ACCOUNT", "2024001").withOutcome(new Outcome.RingUntilTold("1001")));

        WebElement pop = awaitPop(call, "RINGING");
        assertThat(text(pop, ".status")).isEqualTo("振铃");
        assertThat(text(pop, ".caller-number")).isEqualTo("13800138000");
        assertThat(text(pop, ".caller-name")).isEqualTo("张三");
        assertThat(text(pop, ".queue")).isEqualTo("队列 hotline");
        WebElement card = pop.findElement(By.cssSelector(".customer[data-customer-no='" + zhang.customerNo() + "']"));
        assertThat(text(card, ".customer-name")).startsWith("张三");
        assertThat(text(card, ".customer-address")).isEqualTo(zhang.address());
        assertThat(zhang.arrears()).isPositive();
        assertThat(text(card, ".arrears")).isEqualTo("欠费 " + zhang.arrears().setScale(2, RoundingMode.HALF_UP) + " 元");
        assertThat(card.findElements(By.cssSelector(".account-no")).stream().map(Browser::textContent))
                .containsExactlyElementsOf(zhang.accounts().stream().map(CustomerCard.Account::accountNo).toList())
                .contains("2024001");
        assertThat(card.findElements(By.cssSelector(".work-orders li"))).hasSize(zhang.openWorkOrders().size())
                .isNotEmpty();
        assertThat(card.findElements(By.cssSelector(".contacts li"))).hasSize(zhang.recentContacts().size())
                .isNotEmpty();
        assertThat(variable(pop, "IVR_ACCOUNT")).isEqualTo("2024001");
        browser.screenshot("agent-page-ringing");

        call.answer();
        assertThat(text(awaitPop(call, "ANSWERED"), ".status")).isEqualTo("通话中");
        call.hangup();
        assertThat(text(awaitPop(call, "ENDED"), ".status")).isEqualTo("已结束");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void markupInTheCallerNameAndInIvrVariablesIsShownAsTextAndNeverRuns() {
        String img = "<img src=x onerror=alert(1)>";
        String script = "<script>window.pwned=1</script>";
        logInAndAwaitOnline("agent1002", DemoUsers.AGENT_PASSWORD);

        CallHandle call = place(CallSpec.of("13800138000", "hotline").withCallerName(img)
                .withVariable("IVR_CHOICE", script).withVariable("IVR_ACCOUNT", img + script)
                .withOutcome(new Outcome.RingUntilTold("1002")));

        WebElement pop = awaitPop(call, "RINGING");
        assertThat(text(pop, ".caller-name")).isEqualTo(img);
        assertThat(pop.findElement(By.cssSelector(".caller-name")).getText()).isEqualTo(img);
        assertThat(variable(pop, "IVR_CHOICE")).isEqualTo(script);
        assertThat(variable(pop, "IVR_ACCOUNT")).isEqualTo(img + script);
        assertThat(browser.all(By.cssSelector("#pops img, #pops script, #pops [onerror]"))).isEmpty();
        browser.screenshot("agent-page-markup-as-text");
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(browser.openAlertText()).isNull();
        // a blocked inline script would be logged as a CSP violation: nothing even tried to run
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void wrongPasswordShowsTheErrorOnTheLoginPageAndTheAgentPageStaysClosed() {
        logIn("agent1001", "not-the-password");

        assertThat(browser.awaitUrl(u -> u.contains("error"))).isEqualTo(url("/login.html?error"));
        WebElement error = browser.await(By.id("login-error"), WebElement::isDisplayed);
        assertThat(error.getText()).isEqualTo("用户名或密码错误");
        assertThat(browser.await(By.id("login-out")).isDisplayed()).isFalse();
        browser.screenshot("login-page-wrong-password");

        browser.open(url("/agent.html"));
        assertThat(browser.awaitUrl(u -> u.contains("/login.html"))).isEqualTo(url("/login.html"));
        assertThat(browser.all(By.id("pops"))).isEmpty();
        assertThat(browser.await(By.id("login-error")).isDisplayed()).isFalse();
    }

    @Test
    void unknownCallerNumberPopsNoCustomerWithTheNumber() {
        String stranger = "13700000001";
        assertThat(customers.findByPhone(phoneNumbers.normalize(stranger), 10)).isEmpty();
        logInAndAwaitOnline("agent1003", DemoUsers.AGENT_PASSWORD);

        CallHandle call = place(CallSpec.of(stranger, "hotline").withOutcome(new Outcome.RingUntilTold("1003")));

        WebElement pop = awaitPop(call, "RINGING");
        assertThat(text(pop, ".caller-number")).isEqualTo(stranger);
        assertThat(text(pop, ".no-match")).isEqualTo("号码 " + stranger + " 未找到客户");
        assertThat(pop.findElements(By.cssSelector(".customer"))).isEmpty();
    }

    @Test
    void droppedConnectionReconnectsByItselfAndPopsArriveAgain() {
        logInAndAwaitOnline("agent2001", DemoUsers.AGENT_PASSWORD);

        assertThat(browser.dropWebSockets()).isEqualTo(1);
        browser.await(By.id("connection"), e -> e.getText().equals(ONLINE)
                && (Long) browser.script("return window.__hotlineTestSockets.filter(s => s.readyState === 1).length") == 1
                && (Long) browser.script("return window.__hotlineTestSockets.length") == 2);
        CallHandle call = place(CallSpec.of("13800138000", "gas").withOutcome(new Outcome.RingUntilTold("2001")));

        assertThat(text(awaitPop(call, "RINGING"), ".caller-number")).isEqualTo("13800138000");
        assertThat(browser.url()).isEqualTo(url("/agent.html"));
    }

    @Test
    void pageWhoseSessionIsGoneSendsTheAgentBackToTheLoginPage() {
        logInAndAwaitOnline("agent1004", DemoUsers.AGENT_PASSWORD);

        browser.clearCookies();
        assertThat(browser.dropWebSockets()).isEqualTo(1);

        assertThat(browser.awaitUrl(u -> u.contains("/login.html"))).isEqualTo(url("/login.html?expired"));
        assertThat(browser.await(By.id("login-expired"), WebElement::isDisplayed).getText())
                .isEqualTo("登录已失效，请重新登录");
    }

    private void logIn(String username, String password) {
        browser.open(url("/login.html"));
        WebElement button = browser.await(By.id("login-button"), WebElement::isEnabled);
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        button.click();
    }

    private void logInAndAwaitOnline(String username, String password) {
        logIn(username, password);
        browser.awaitUrl(u -> u.endsWith("/agent.html"));
        WebElement connection = browser.await(By.id("connection"), e -> e.getText().equals(ONLINE));
        assertThat(connection.getDomAttribute("class")).isEqualTo("conn up");
    }

    private CallHandle place(CallSpec spec) {
        CallHandle call = servers.simulator().placeCall(spec.withPatience(PATIENT));
        calls.add(call);
        return call;
    }

    private WebElement awaitPop(CallHandle call, String status) {
        return browser.await(By.cssSelector("#pops article.pop[data-call-id='" + call.linkedid() + "']"),
                e -> status.equals(e.getDomAttribute("data-status")));
    }

    private static String text(WebElement scope, String css) {
        return Browser.textContent(scope.findElement(By.cssSelector(css)));
    }

    private String variable(WebElement pop, String name) {
        // the rows are labelled in Chinese; data-var names the variable (IVR_ACCOUNT → ivr-account)
        return (String) browser.script("""
                        const dd = arguments[0].querySelector('dl.variables dd[data-var="' + arguments[1] + '"]');
                        return dd ? dd.textContent : null;""", pop, name.toLowerCase().replace('_', '-'));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
