package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.calendar.ServiceCalendar;
import org.hotline.cti.calendar.ServiceDayKind;
import org.hotline.cti.calendar.WeekdayHours;
import org.hotline.cti.calendar.WeeklyHours;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.ivr.scripts.HoursScript;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator reaches /admin/service-calendar.html from the landing page, adds special hours past midnight, a
 * holiday and a make-up working day, sees a refusal's reason, and removes a day (issue #14); sets the weekly hours
 * day by day in place of the settings' 24 hours, and the IVR's hours script follows them (issue #13).
 */
@SimulatedServerTest
class ServiceCalendarBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @LocalServerPort
    int port;

    @Autowired
    ServiceCalendar calendar;

    @Autowired
    HoursScript hours;

    JdbcTemplate jdbc;

    @Autowired
    void jdbc(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    private void fill(String date, String kind, String name, String opens, String closes) {
        browser.script("document.getElementById('f-date').value = arguments[0];", date);
        new Select(browser.driver().findElement(By.id("f-kind"))).selectByValue(kind);
        WebElement nameField = browser.driver().findElement(By.id("f-name"));
        nameField.clear();
        nameField.sendKeys(name);
        if (opens != null) {
            browser.script("document.getElementById('f-opens').value = arguments[0];"
                    + "document.getElementById('f-closes').value = arguments[1];", opens, closes);
        }
        browser.driver().findElement(By.id("f-save")).click();
    }

    @Test
    void anAdministratorKeepsTheCalendarFromThePageAndTheIvrReadsIt() {
        browser.logIn(base(), "admin", DemoUsers.ADMIN_PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        browser.open(base() + "/");
        WebElement link = browser.await(By.cssSelector("a[href='/admin/service-calendar.html']"), WebElement::isDisplayed);
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the landing page's header still fits at 1366").isEqualTo(true);
        browser.screenshot("service-calendar-landing-1366");
        link.click();
        browser.await(By.cssSelector("body[data-loaded]"));
        assertThat(browser.driver().findElement(By.id("f-times")).isDisplayed()).as("times for special hours only")
                .isFalse();

        fill("2092-12-31", "special-hours", "<b>跨年</b>值班", "20:00", "02:00");
        WebElement eve = browser.await(By.cssSelector("#days tr.day[data-date='2092-12-31']"));
        assertThat(Browser.textContent(browser.driver().findElement(By.id("year-title")))).isEqualTo("2092");
        assertThat(Browser.textContent(eve.findElement(By.className("name")))).isEqualTo("<b>跨年</b>值班");
        assertThat(browser.all(By.cssSelector("#days b"))).isEmpty();
        assertThat(Browser.textContent(eve.findElement(By.className("hours")))).isEqualTo("20:00 – 次日 02:00");
        assertThat(Browser.textContent(eve.findElement(By.className("weekday")))).isEqualTo("星期三");
        assertThat(calendar.find(LocalDate.of(2092, 12, 31)).orElseThrow().kind())
                .isEqualTo(ServiceDayKind.SPECIAL_HOURS);

        fill("2092-10-01", "holiday", "国庆节", null, null);
        browser.await(By.cssSelector("#days tr.day.holiday[data-date='2092-10-01']"));
        fill("2092-10-08", "workday", "国庆节调休上班", null, null);
        browser.await(By.cssSelector("#days tr.day.workday[data-date='2092-10-08']"));
        assertThat(browser.all(By.cssSelector("#days tbody tr")).stream().map(r -> r.getAttribute("data-date")))
                .containsExactly("2092-10-01", "2092-10-08", "2092-12-31");

        fill("2092-10-09", "holiday", " ", null, null);
        WebElement error = browser.await(By.id("error"), WebElement::isDisplayed);
        assertThat(Browser.textContent(error)).isEqualTo("操作失败：名称须为 1 到 100 个字符，不能换行");
        assertThat(browser.consoleErrors()).as("only the refused save").singleElement().asString()
                .contains("service-calendar/2092-10-09", "400");

        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %s", size).isEqualTo(true);
            browser.screenshot("service-calendar-" + size.width);
        }

        WebElement remove = browser.await(By.cssSelector("#days tr.day[data-date='2092-10-08'] button.remove"));
        remove.click();
        assertThat(calendar.find(LocalDate.of(2092, 10, 8))).as("the first click only asks").isPresent();
        browser.await(By.cssSelector("#days tr.day[data-date='2092-10-08'] button.remove.confirm")).click();
        browser.await(By.id("done"), e -> Browser.textContent(e).startsWith("已删除 2092-10-08"));
        assertThat(browser.all(By.cssSelector("#days tr.day[data-date='2092-10-08']"))).isEmpty();
        assertThat(calendar.find(LocalDate.of(2092, 10, 8))).isEmpty();

        browser.driver().findElement(By.id("year-next")).click();
        browser.await(By.id("year-title"), e -> Browser.textContent(e).equals("2093"));
        browser.await(By.id("no-days"), WebElement::isDisplayed);
        assertThat(browser.consoleErrors()).isEmpty();
        calendar.delete(LocalDate.of(2092, 10, 1));
        calendar.delete(LocalDate.of(2092, 12, 31));
    }

    // the weekly-hours row of `day`
    private WebElement weekday(String day) {
        return browser.await(By.cssSelector("#week tr[data-day='" + day + "']"));
    }

    private void times(String day, String opens, String closes) {
        WebElement row = weekday(day);
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));"
                + "arguments[2].value = arguments[3]; arguments[2].dispatchEvent(new Event('input'));",
                row.findElement(By.className("opens")), opens, row.findElement(By.className("closes")), closes);
    }

    @Test
    void anAdministratorSetsTheWeeklyHoursOnThePageAndTheIvrUsesThem() {
        try {
            browser.logIn(base(), "admin", DemoUsers.ADMIN_PASSWORD);
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.open(base() + "/admin/service-calendar.html");
            browser.await(By.cssSelector("body[data-week-loaded]"));
            assertThat(browser.all(By.cssSelector("#week tbody tr"))).hasSize(7);
            assertThat(Browser.textContent(weekday("MONDAY").findElement(By.className("span"))))
                    .isEqualTo("全天 24 小时");
            assertThat(Browser.textContent(browser.driver().findElement(By.id("week-source"))))
                    .startsWith("目前按系统配置");
            browser.screenshot("service-calendar-week-settings-1366");

            // a water company's week: Monday to Friday 08:30–17:30, Saturday 09:00–12:00, Sunday closed
            for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
                times(day, "08:30", "17:30");
            }
            times("SATURDAY", "09:00", "12:00");
            weekday("SUNDAY").findElement(By.className("open")).click();
            assertThat(weekday("SUNDAY").findElement(By.className("opens")).isEnabled()).isFalse();
            assertThat(Browser.textContent(weekday("SUNDAY").findElement(By.className("span")))).isEqualTo("休息");
            assertThat(Browser.textContent(weekday("SATURDAY").findElement(By.className("span"))))
                    .isEqualTo("09:00 – 12:00");
            browser.driver().findElement(By.id("w-save")).click();
            browser.await(By.id("w-done"), WebElement::isDisplayed);
            assertThat(Browser.textContent(browser.driver().findElement(By.id("week-source")))).startsWith("由 admin 于");
            WeeklyHours stored = calendar.weeklyHours().orElseThrow();
            assertThat(stored.days()).hasSize(7);
            assertThat(stored.days().get(0)).isEqualTo(WeekdayHours.open(DayOfWeek.MONDAY, LocalTime.of(8, 30),
                    LocalTime.of(17, 30)));
            assertThat(stored.days().get(6)).isEqualTo(WeekdayHours.closed(DayOfWeek.SUNDAY));
            // Monday 3 December 2091 at 08:00: closed now, 24 hours before
            assertThat(hours.isOpen(LocalDateTime.of(2091, 12, 3, 8, 0))).isFalse();
            assertThat(hours.isOpen(LocalDateTime.of(2091, 12, 8, 11, 0))).as("Saturday morning").isTrue();

            // a night shift past midnight, said as such; an open day without times is refused with the day's name
            times("FRIDAY", "20:00", "02:00");
            assertThat(Browser.textContent(weekday("FRIDAY").findElement(By.className("span"))))
                    .isEqualTo("20:00 – 次日 02:00");
            times("TUESDAY", "", "");
            browser.driver().findElement(By.id("w-save")).click();
            WebElement error = browser.await(By.id("w-error"), WebElement::isDisplayed);
            assertThat(Browser.textContent(error)).isEqualTo("保存失败：星期二：服务的日子须填写开始和结束时间");
            assertThat(browser.consoleErrors()).as("only the refused save").singleElement().asString()
                    .contains("weekly-hours", "400");
            for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
                browser.driver().manage().window().setSize(size);
                assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no sideways scroll at %s", size).isEqualTo(true);
                browser.screenshot("service-calendar-week-" + size.width);
            }
            browser.driver().findElement(By.id("w-reset")).click();
            assertThat(browser.driver().findElement(By.id("w-error")).isDisplayed()).isFalse();
            browser.await(By.cssSelector("#week tr[data-day='TUESDAY'] input.opens"),
                    e -> "08:30".equals(e.getDomProperty("value")));
            assertThat(calendar.weeklyHours().orElseThrow().days().get(4).opensAt()).as("the refused save changed "
                    + "nothing").isEqualTo(LocalTime.of(8, 30));
        } finally {
            jdbc.update("delete from weekly_opening_hours");
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
