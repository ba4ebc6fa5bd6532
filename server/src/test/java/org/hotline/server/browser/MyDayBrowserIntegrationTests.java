package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import javax.sql.DataSource;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.reports.internal.CallRollups;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The agent's own day on the desk: today's calls answered by the agent, read from the reports, in the page. */
@SimulatedServerTest
class MyDayBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    CallRollups rollups;

    @Test
    void theAgentSeesTodaysCallsAndHandlingTimeUnderTheControls() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long agent = jdbc.queryForObject("select id from users where username = 'agent2002'", Long.class);
        // two calls this morning (Beijing), answered by agent2002's phone
        Instant nine = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).toLocalDate().atTime(0, 5)
                .atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        for (int i = 0; i < 2; i++) {
            Instant q = nine.plusSeconds(i * 300L);
            jdbc.update("""
                    insert into calls (call_id, direction, queue, agent_id, agent_interface, started_at, queued_at,
                                       answered_at, ended_at, hold_seconds, talk_seconds, outcome)
                    values (?, 'inbound', 'gas', ?, 'Local/2002@agents', ?, ?, ?, ?, 0, 120, 'answered')
                    on conflict (call_id) do nothing""", "myday." + i, agent, Timestamp.from(q), Timestamp.from(q),
                    Timestamp.from(q.plusSeconds(5)), Timestamp.from(q.plusSeconds(125)));
        }
        rollups.refresh();

        String base = "http://localhost:" + port;
        browser.logIn(base, "agent2002", DemoUsers.AGENT_PASSWORD);
        browser.open(base + "/agent.html");
        WebElement day = browser.await(By.cssSelector("#my-day[data-calls]"), WebElement::isDisplayed);

        assertThat(day.getAttribute("data-calls")).isEqualTo("2");
        assertThat(Browser.textContent(day)).contains("我的今日").contains("接听 2 通").contains("平均处理 2分0秒");
        browser.screenshot("my-day-1366");
    }
}
