package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrators' API page (springdoc's swagger-ui) works under the strict CSP and lists the REST APIs. */
@SimulatedServerTest
class ApiPageBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @LocalServerPort
    int port;

    @Test
    void anAdministratorBrowsesTheRestApisWithoutAnyCspViolation() {
        logIn("admin", DemoUsers.ADMIN_PASSWORD);
        browser.awaitUrl(u -> !u.contains("login"));
        browser.consoleErrors(); // only what the API page itself reports counts

        // the first description is built from every controller, slower on a busy machine than the browser's page
        // timeout; springdoc keeps it after
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            assertThat(admin.get("/v3/api-docs").statusCode()).isEqualTo(200);
        }
        browser.open(url("/swagger-ui/index.html"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !browser.all(By.cssSelector(".opblock-tag")).isEmpty());
        assertThat(browser.all(By.cssSelector(".topbar"))).as("no bar to load other descriptions").isEmpty();
        List<String> tags = browser.all(By.cssSelector(".opblock-tag")).stream().map(Browser::textContent).toList();
        assertThat(tags).anyMatch(t -> t.contains("crew app"));
        assertThat(Browser.textContent(browser.await(By.cssSelector(".info .title")))).contains("Hotline");
        for (Dimension size : new Dimension[] {new Dimension(1366, 768), new Dimension(1920, 1080)}) {
            browser.driver().manage().window().setSize(size);
            Object overflow = browser.script(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(overflow).as("sideways scroll at %s", size).isEqualTo(false);
            browser.screenshot("api-page-" + size.getWidth());
        }
        assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
    }

    @Test
    void anAgentGetsNoApiPage() {
        logIn("agent1001", DemoUsers.AGENT_PASSWORD);
        browser.awaitUrl(u -> !u.contains("login"));
        browser.open(url("/swagger-ui/index.html"));
        assertThat(browser.all(By.cssSelector(".opblock-tag"))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("swagger-ui-bundle.js");
    }

    private void logIn(String username, String password) {
        browser.clearCookies();
        browser.open(url("/login.html"));
        WebElement button = browser.await(By.id("login-button"), WebElement::isEnabled);
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        button.click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
