package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.hotline.cti.customerimport.CustomerImportFormat;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An administrator checks a customer file on /admin/import.html, sees its bad rows, then imports it (issue #13). */
@SimulatedServerTest
class CustomerImportBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdministratorDryRunsAFileSeesTheBadRowAsTextThenImportsTheGoodRows() throws Exception {
        String prefix = "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Path file = Files.createTempFile("customers-", ".csv");
        Files.writeString(file, String.join(",", CustomerImportFormat.COLUMNS) + "\n"
                + prefix + "1,页面甲,residential,杭州市页面路1号," + prefix + "A1,13800139011,,,,,,,,,\n"
                + prefix + "2,页面乙,commercial,杭州市页面路2号," + prefix + "A2,0571-87650000,,,,,,,,,\n"
                + prefix + "3,页面丙,residential,杭州市页面路3号," + prefix + "A3,<b>bold</b>,,,,,,,,,\n",
                StandardCharsets.UTF_8);
        try {
            browser.logIn("http://localhost:" + port, "admin", DemoUsers.ADMIN_PASSWORD);
            browser.open("http://localhost:" + port + "/admin/import.html");
            browser.await(By.cssSelector("body[data-loaded]"));
            browser.driver().findElement(By.id("file")).sendKeys(file.toString());

            browser.driver().findElement(By.id("dry-run")).click();
            browser.await(By.cssSelector("body[data-finished]"));
            assertThat(Browser.textContent(browser.await(By.id("counts")))).contains("可导入 2 行").contains("错误 1 行");
            assertThat(Browser.textContent(browser.await(By.cssSelector("#bad tr.bad-row td.line")))).isEqualTo("4");
            assertThat(Browser.textContent(browser.await(By.cssSelector("#bad tr.bad-row td.reason"))))
                    .contains("<b>bold</b>");
            assertThat(browser.all(By.cssSelector("#bad b"))).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from customers where customer_no like ?", Integer.class,
                    prefix + "%")).isZero();
            for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
                browser.driver().manage().window().setSize(size);
                assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no sideways scroll at %s", size).isEqualTo(true);
                browser.screenshot("import-" + size.width);
            }

            browser.script("delete document.body.dataset.finished");
            browser.driver().findElement(By.id("import")).click();
            browser.await(By.cssSelector("body[data-finished]"));
            assertThat(Browser.textContent(browser.await(By.id("counts")))).contains("已导入 2 行");
            assertThat(jdbc.queryForObject("select count(*) from customers where customer_no like ?", Integer.class,
                    prefix + "%")).isEqualTo(2);
            assertThat(browser.all(By.cssSelector("#jobs tr.job"))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anAdministratorIssuesTheBillingSystemsKeySeesItOnceAndDisablesIt() {
        String name = "夜间导入 " + UUID.randomUUID().toString().substring(0, 6);
        browser.logIn("http://localhost:" + port, "admin", DemoUsers.ADMIN_PASSWORD);
        browser.open("http://localhost:" + port + "/admin/import.html");
        browser.await(By.cssSelector("body[data-loaded]"));
        browser.driver().findElement(By.id("key-name")).sendKeys(name);
        browser.driver().findElement(By.cssSelector("#key-form button[type='submit']")).click();
        String key = Browser.textContent(browser.await(By.id("key-secret-value"), e -> e.isDisplayed()));
        assertThat(key).startsWith("hik_");
        long id = jdbc.queryForObject("select id from import_api_clients where name = ?", Long.class, name);
        assertThat(jdbc.queryForObject("select key_hash from import_api_clients where id = ?", String.class, id))
                .as("only the hash is kept").isNotEqualTo(key).hasSize(64);
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %s", size).isEqualTo(true);
            browser.screenshot("import-key-" + size.width);
        }
        browser.driver().findElement(By.id("key-secret-close")).click();
        browser.await(By.cssSelector("#keys tr.key[data-key='" + id + "'] button.disable")).click();
        browser.await(By.cssSelector("#keys tr.key.disabled[data-key='" + id + "']"));
        assertThat(browser.driver().findElement(By.id("key-secret-value")).getText()).isEmpty();
        assertThat(jdbc.queryForList("select action from audit_log where target = ? order by id", String.class,
                "import-key:" + id)).containsExactly("import-api-key-issued", "import-api-key-disabled");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
