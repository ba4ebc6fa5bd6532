package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.Presence;
import org.hotline.cti.push.PopStore;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.ReadyDesks;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every page as its users see it (issue #16), at the agents' 1366x768 and the supervisors' 1920x1080 screens: no
 * sideways scrolling, every visible label in the chosen language (zh-CN without English words, English without
 * Chinese characters, outside the data), the big screen on one screen without overlapping boxes, and Chinese
 * glyphs drawn by a real CJK font (Debian fonts-noto-cjk), not as tofu. Screenshots of each page and size go to
 * {@code target/browser/fit-*.png}.
 */
@SimulatedServerTest
class PageFitAndLanguageBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final List<int[]> SCREENS = List.of(new int[] {1366, 768}, new int[] {1920, 1080});

    /** Words that may stay Latin in a Chinese page: the product, units, file types, key names. */
    private static final List<String> ALLOWED_LATIN = List.of("Hotline", "SMS", "CSV", "IC", "kV", "Esc", "ID",
            "KPI", "WAV", "HTTPS", "API", "APP", "Excel", "POST",
            // the lookup box's example of pinyin initials (建设南路 → JSNL): typed in Latin letters on purpose
            "jsnl");

    /** The pages of each role that must fit, in the order a user opens them. */
    private static final Map<String, List<String>> PAGES = pages();

    /** The pages whose every label follows the chosen language. */
    private static final List<String> MONOLINGUAL = List.of("/login.html", "/agent.html", "/lookup.html",
            "/lines.html", "/supervisor.html", "/wallboard.html", "/outages.html", "/outage-board.html",
            "/campaigns.html", "/workorders.html", "/admin/users.html", "/admin/queues.html", "/admin/import.html",
            "/admin/service-calendar.html", "/admin/audit.html", "/reports.html", "/reports-kpis.html",
            "/recordings.html", "/admin/outcomes.html", "/workorder-admin.html", "/crew.html");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedServers servers;

    @Autowired
    Presence presence;

    @Autowired
    AgentDirectory agentDirectory;

    private static boolean ringing;

    private final List<String> users = new ArrayList<>();

    private static Map<String, List<String>> pages() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("", List.of("/login.html"));
        p.put("agent1003", List.of("/agent.html", "/lookup.html", "/lines.html"));
        p.put("supervisor", List.of("/supervisor.html", "/wallboard.html", "/outages.html", "/outage-board.html",
                "/campaigns.html", "/workorders.html", "/reports.html", "/reports-kpis.html", "/recordings.html"));
        p.put("admin", List.of("/admin/users.html", "/admin/queues.html", "/admin/import.html",
                "/admin/service-calendar.html", "/admin/audit.html", "/workorder-admin.html", "/admin/outcomes.html"));
        // no per-user language: the phone browser's, and the page's own switch (checked on its own below)
        p.put("crew", List.of("/crew.html"));
        return p;
    }

    private static boolean countingFetches;

    @BeforeEach
    void countFetches() {
        // once per browser: the script stays for every page it loads
        if (!countingFetches) {
            browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", PageCheck.TRACK_FETCHES));
            countingFetches = true;
        }
    }

    @AfterEach
    void chineseAgainAndOwnScreen() {
        PageCheck.ownScreen(browser);
        // the language is remembered per user: whatever a test chose, the other classes expect Chinese
        for (String u : users) {
            jdbc.update("update users set language = null where username = ?", u);
        }
    }

    @Test
    void everyPageFitsTheAgentsAndTheSupervisorsScreensWithoutSidewaysScrolling() {
        Map<String, List<String>> wide = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> role : PAGES.entrySet()) {
            logInAs(role.getKey());
            for (String page : role.getValue()) {
                for (int[] size : SCREENS) {
                    PageCheck.screen(browser, size[0], size[1], false);
                    open(page);
                    browser.screenshot("fit-" + name(page) + "-" + size[0]);
                    List<String> out = PageCheck.sticksOutSideways(browser);
                    if (!out.isEmpty()) {
                        wide.put(page + " at " + size[0] + "x" + size[1], out);
                    }
                }
            }
        }
        assertThat(wide).as("pages that scroll sideways").isEmpty();
    }

    @Test
    void theAgentPageWithACallersCardFitsBothScreens() {
        ReadyDesks.all(presence, agentDirectory); // earlier classes leave desks in wrap-up or lagged
        logInAs("agent1003");
        PageCheck.screen(browser, 1366, 768, false);
        open("/agent.html");
        browser.await(By.id("connection"), e -> "已连接".equals(e.getText()));
        CallHandle call = servers.simulator().placeCall(CallSpec.of("13800138000", "hotline").withCallerName("张三")
                .withOutcome(new Outcome.RingUntilTold("1003")).withPatience(Duration.ofMinutes(30)));
        ringing = true;
        try {
            browser.await(By.cssSelector("#pops article.pop .customer"));
            Map<String, List<String>> wide = new LinkedHashMap<>();
            for (int[] size : SCREENS) {
                PageCheck.screen(browser, size[0], size[1], false);
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> PageCheck.settled(browser));
                browser.screenshot("fit-agent-pop-" + size[0]);
                List<String> out = PageCheck.sticksOutSideways(browser);
                if (!out.isEmpty()) {
                    wide.put(size[0] + "x" + size[1], out);
                }
            }
            assertThat(wide).as("the agent page with a pop scrolls sideways").isEmpty();
        } finally {
            call.hangup();
        }
    }

    /** The pop of the call above lingers after the call: the classes sharing this context expect none. */
    @AfterAll
    static void popsHaveLingeredAway(@Autowired PopStore pops) {
        if (ringing) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> pops.current("agent1003").isEmpty());
        }
    }

    @Test
    void inChineseNoVisibleLabelIsEnglish() {
        Map<String, List<String>> english = new LinkedHashMap<>();
        List<String> allowed = allowedLatin();
        for (Map.Entry<String, List<String>> role : PAGES.entrySet()) {
            logInAs(role.getKey());
            for (String page : role.getValue()) {
                if (!MONOLINGUAL.contains(page)) {
                    continue;
                }
                PageCheck.screen(browser, 1366, 768, false);
                open(page);
                assertThat(browser.script("return document.documentElement.lang")).isEqualTo("zh-CN");
                List<String> found = PageCheck.latinIn(PageCheck.visibleLabels(browser), allowed);
                if (!found.isEmpty()) {
                    english.put(page, found);
                }
            }
        }
        assertThat(english).as("English words in Chinese pages").isEmpty();
    }

    @Test
    void inEnglishNoVisibleLabelIsChineseAndTheChoiceFollowsTheUser() {
        Map<String, List<String>> chinese = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> role : PAGES.entrySet()) {
            if (role.getKey().isEmpty() || role.getKey().equals("crew")) {
                continue;
            }
            logInAs(role.getKey());
            List<String> monolingual = role.getValue().stream().filter(MONOLINGUAL::contains).toList();
            if (monolingual.isEmpty()) {
                continue;
            }
            PageCheck.screen(browser, 1366, 768, false);
            open(monolingual.get(0));
            browser.await(By.id("lang-switch")).click();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "en".equals(jdbc.queryForObject(
                    "select language from users where username = ?", String.class, role.getKey())));
            // another browser (no local memory of the choice) gets the user's language from the server
            browser.script("localStorage.removeItem('hotline.lang')");
            for (String page : monolingual) {
                open(page);
                browser.await(By.tagName("html"), e -> "en".equals(e.getDomAttribute("lang")));
                open(page); // settled again after the switch's relabelling
                List<String> found = PageCheck.cjkIn(PageCheck.visibleLabels(browser));
                browser.screenshot("lang-en-" + name(page));
                if (!found.isEmpty()) {
                    chinese.put(page, found);
                }
            }
        }
        assertThat(chinese).as("Chinese labels in English pages").isEmpty();
    }

    @Test
    void theCrewPageSpeaksTheBrowsersLanguageUntilItsSwitchWhichTheBrowserRemembers() {
        logInAs("crew");
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        PageCheck.screen(browser, 1366, 768, false);
        open("/crew.html");
        browser.await(By.id("order-list"));
        // the test browser speaks zh-CN (Browser: --lang=zh-CN)
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("zh-CN");
        browser.await(By.id("lang-switch")).click();
        browser.await(By.tagName("html"), e -> "en".equals(e.getDomAttribute("lang")));
        for (int[] size : SCREENS) {
            PageCheck.screen(browser, size[0], size[1], false);
            open("/crew.html"); // remembered by this browser: English again after a reload
            browser.await(By.tagName("html"), e -> "en".equals(e.getDomAttribute("lang")));
            browser.screenshot("lang-en-crew-" + size[0]);
            List<String> found = PageCheck.cjkIn(PageCheck.visibleLabels(browser));
            if (!found.isEmpty()) {
                wrong.put("/crew.html at " + size[0], found);
            }
            List<String> out = PageCheck.sticksOutSideways(browser);
            if (!out.isEmpty()) {
                wrong.put("/crew.html scrolls sideways at " + size[0], out);
            }
        }
        browser.await(By.id("lang-switch")).click();
        browser.await(By.tagName("html"), e -> "zh-CN".equals(e.getDomAttribute("lang")));
        assertThat(wrong).as("Chinese labels or sideways scrolling in the English crew page").isEmpty();
    }

    @Test
    void theBigScreenFitsOneFullHdScreenWithoutOverlappingBoxes() {
        logInAs("supervisor");
        PageCheck.screen(browser, 1920, 1080, false);
        open("/wallboard.html");
        browser.await(By.cssSelector(".queue-tile"));
        browser.screenshot("fit-big-screen-1920");
        assertThat(browser.script("return document.documentElement.scrollHeight")).as("page height")
                .satisfies(h -> assertThat(((Number) h).intValue()).isLessThanOrEqualTo(1080));
        assertThat(PageCheck.overlaps(browser, "body > header, #alerts, .queue-tile, .chart, #agents, #wo-risk"))
                .isEmpty();
    }

    @Test
    void chineseGlyphsAreDrawnByACjkFontNotAsTofu() {
        open("/login.html");
        assertThat(PageCheck.cjkGlyphsRender(browser))
                .as("Chinese characters drawn as the missing-glyph box: install a CJK font (Debian fonts-noto-cjk)")
                .isTrue();
    }

    private List<String> allowedLatin() {
        List<String> allowed = new ArrayList<>(ALLOWED_LATIN);
        // queue names and user names are ids the pages show as they are
        allowed.addAll(jdbc.queryForList("select name from queues", String.class));
        allowed.addAll(jdbc.queryForList("select username from users", String.class));
        return allowed;
    }

    private void logInAs(String username) {
        if (username.isEmpty()) {
            browser.clearCookies();
            return;
        }
        users.add(username);
        jdbc.update("update users set language = null where username = ?", username);
        browser.logIn(url(""), username, password(username));
    }

    private static String password(String username) {
        return switch (username) {
            case "supervisor" -> DemoUsers.SUPERVISOR_PASSWORD;
            case "admin" -> DemoUsers.ADMIN_PASSWORD;
            case "crew" -> DemoUsers.CREW_PASSWORD;
            default -> DemoUsers.AGENT_PASSWORD;
        };
    }

    private void open(String page) {
        browser.open(url(page));
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ofMillis(200))
                .until(() -> PageCheck.settled(browser));
    }

    private static String name(String page) {
        return page.replaceAll("^/|\\.html$", "").replace('/', '-');
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
