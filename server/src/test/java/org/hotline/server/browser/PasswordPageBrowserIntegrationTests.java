package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.NewAgent;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user with a handed-out password chooses a new one on the password page, in Chinese, then reaches the desk. */
@SimulatedServerTest
class PasswordPageBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final AtomicInteger NEXT = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    AgentDirectory agents;

    @Test
    void aHandedOutPasswordIsReplacedOnItsPageAndTheDeskOpensAfterwards() {
        String name = "pw" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        agents.create(new NewAgent(name, "新坐席", "handed-out-77", AgentAccount.Role.AGENT, List.of(), List.of()));
        agents.setPassword(name, "handed-out-77", true);
        browser.logIn(base(), name, "handed-out-77");
        assertThat(browser.awaitUrl(u -> u.endsWith("/change-password.html"))).endsWith("/change-password.html");

        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %s", size).isEqualTo(true);
            browser.screenshot("change-password-" + size.width);
        }
        fill("handed-out-77", "new-secret-2026", "new-secret-2027");
        assertThat(Browser.textContent(browser.await(By.id("password-error"), WebElement::isDisplayed)))
                .isEqualTo("两次输入的新密码不一致。");
        fill("wrong-current", "new-secret-2026", "new-secret-2026");
        browser.await(By.id("password-error"), e -> Browser.textContent(e).equals("当前密码不正确。"));
        browser.screenshot("change-password-refused");

        fill("handed-out-77", "new-secret-2026", "new-secret-2026");
        browser.awaitUrl(u -> u.endsWith("/agent.html"));
        assertThat(agents.mustChangePassword(name)).isFalse();
        assertThat(browser.consoleErrors()).noneMatch(m -> m.contains("change-password"));
    }

    private void fill(String current, String next, String again) {
        for (String[] field : new String[][] {{"current", current}, {"next", next}, {"again", again}}) {
            WebElement input = browser.driver().findElement(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        browser.driver().findElement(By.id("password-button")).click();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
