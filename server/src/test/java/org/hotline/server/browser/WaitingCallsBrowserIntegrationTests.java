package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisor page and the agent desk list a caller waiting in a queue, by push, with the number masked; the desk
 * drops it when the call ends.
 */
@SimulatedServerTest
class WaitingCallsBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedServers servers;

    @Test
    void aCallerWaitingInAQueueIsListedWithItsQueueAndMaskedNumber() {
        String base = "http://localhost:" + port;
        browser.logIn(base, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        browser.open(base + "/supervisor.html");
        // a caller who gives up after a long wait and whom no agent answers meanwhile
        CallHandle call = servers.simulator().placeCall(new CallSpec("13812345678", "王五", "gas", Map.of(),
                Outcome.abandonAfter(Duration.ofSeconds(600)), Duration.ofSeconds(6), Duration.ofSeconds(600)));

        browser.await(By.cssSelector("#waiting-table tr.waiting-call"), WebElement::isDisplayed);
        String text = (String) browser.script("return [...document.querySelectorAll('#waiting-table tr.waiting-call')]"
                + ".map(tr => tr.textContent).join('|')");
        assertThat(text).contains("138****5678").doesNotContain("13812345678");
        // read in one go: every frame redraws the table, so an element found before may be gone when read
        assertThat((String) browser.script("return [...document.querySelectorAll('#waiting-table th')]"
                + ".map(th => th.textContent).join('|')")).contains("队列", "排位", "等候时长", "来电号码");
        browser.screenshot("waiting-calls-1366");

        // the desks get the same list by push
        browser.clearCookies();
        browser.logIn(base, "agent2001", DemoUsers.AGENT_PASSWORD);
        browser.open(base + "/agent.html");
        WebElement desk = browser.await(By.cssSelector("#desk-waiting li.waiting-call"), WebElement::isDisplayed);
        // the queue by its display name once the wallboard has read the queues, by its PBX name before
        assertThat(Browser.textContent(desk)).contains("138****5678").containsAnyOf("燃气服务热线", "gas");
        browser.screenshot("desk-waiting-1366");
        call.hangup();
        browser.await(By.id("desk-waiting"), e -> !e.isDisplayed());
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
