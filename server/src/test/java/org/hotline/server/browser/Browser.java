package org.hotline.server.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless Chromium for page tests, registered with {@code @RegisterExtension static Browser browser =
 * Browser.headlessChromium()}: one browser per test class, a clean session (no cookies) before each test, and a
 * screenshot, the page's HTML and its console of every failed test in {@code target/browser/}.
 *
 * <p>It drives Debian's {@code /usr/bin/chromium} through {@code /usr/bin/chromedriver} (system properties
 * {@code hotline.browser.binary} and {@code hotline.browser.driver} override them), so Selenium Manager never
 * downloads anything.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback,
        AfterAllCallback {

    /** Where screenshots and failure dumps go (the module's build directory, as surefire runs in it). */
    public static final Path OUTPUT = Path.of("target", "browser");

    private static final Logger log = LoggerFactory.getLogger(Browser.class);
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Runs before any page script: remembers the page's WebSockets so a test can drop them. */
    private static final String TRACK_WEBSOCKETS = """
            (() => {
              const sockets = [];
              const Native = window.WebSocket;
              window.WebSocket = class extends Native {
                constructor(...args) { super(...args); sockets.push(this); }
              };
              Object.defineProperty(window, '__hotlineTestSockets', {value: sockets});
            })();""";

    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;

    private Browser() {
    }

    /** A browser that starts before the test class's first test and quits after its last. */
    public static Browser headlessChromium() {
        return new Browser();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // each test starts logged out on a blank page, whatever the previous test left behind
        dismissAlert();
        driver().get("about:blank");
        clearCookies();
        driver().manage().logs().get(LogType.BROWSER); // reading the console log empties it
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        if (context.getExecutionException().isPresent() && driver != null) {
            dumpForDiagnosis(name);
        } else {
            // a dump left by an earlier failing run would mislead whoever looks for the cause of the next failure
            for (String suffix : List.of(".png", ".html", ".console.txt")) {
                Files.deleteIfExists(OUTPUT.resolve(name + suffix));
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts Chromium with a fresh profile (as an extension it does so before the class's first test). */
    public void start() throws IOException {
        File binary = existing(System.getProperty("hotline.browser.binary", "/usr/bin/chromium"), "chromium");
        File driverExe = existing(System.getProperty("hotline.browser.driver", "/usr/bin/chromedriver"), "chromedriver");
        Files.createDirectories(OUTPUT);
        profile = Files.createTempDirectory("hotline-chromium-");
        // the users' locale also for what the pages leave to the browser (date and time inputs): it takes the zh-CN
        // resources of Debian's chromium-l10n (./hotline installs them) and this environment; --lang alone is not enough
        service = new ChromeDriverService.Builder().usingDriverExecutable(driverExe).usingAnyFreePort()
                .withEnvironment(Map.of("LANG", "zh_CN.UTF-8", "LANGUAGE", "zh_CN:zh"))
                .withLogFile(OUTPUT.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions().setBinary(binary)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-default-browser-check",
                        "--window-size=1280,900", "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
        // an alert must stay open so a test can see it, instead of failing some unrelated later command
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRACK_WEBSOCKETS));
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    }

    /** Quits Chromium and its driver and removes the profile. */
    public void stop() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            deleteProfile();
        }
    }

    /** The driver, for anything the helpers below do not cover. */
    public ChromeDriver driver() {
        return Objects.requireNonNull(driver, "the browser is not started");
    }

    /** Loads a page and waits for it to finish loading. */
    public void open(String url) {
        driver().get(url);
    }

    /** The address of the page shown now. */
    public String url() {
        return driver().getCurrentUrl();
    }

    /** Waits until the address satisfies the condition and returns it. */
    public String awaitUrl(Predicate<String> condition) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(this::url, condition);
    }

    /** Waits until an element matching {@code by} exists and returns it. */
    public WebElement await(By by) {
        return await(by, e -> true);
    }

    /** Waits until an element matching {@code by} exists and satisfies the condition, and returns it. */
    public WebElement await(By by, Predicate<WebElement> condition) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsMatching(e -> e instanceof NoSuchElementException
                        || e instanceof StaleElementReferenceException)
                .until(() -> {
                    WebElement e = driver().findElement(by);
                    return condition.test(e) ? e : null;
                }, Objects::nonNull);
    }

    /** Every element matching {@code by} now (none is an empty list). */
    public List<WebElement> all(By by) {
        return driver().findElements(by);
    }

    /** The DOM {@code textContent} of an element: exactly the text nodes, unlike the rendered {@code getText()}. */
    public static String textContent(WebElement e) {
        return e.getDomProperty("textContent");
    }

    /** Runs JavaScript in the page and returns its result. */
    public Object script(String js, Object... args) {
        return driver().executeScript(js, args);
    }

    /**
     * Signs in through the real login page at {@code base} (http://127.0.0.1:port) and waits for the role's landing
     * page; that page's console belongs to its own tests, so its messages are read and dropped.
     */
    public void logIn(String base, String username, String password) {
        clearCookies();
        open(base + "/login.html");
        WebElement button = await(By.id("login-button"), WebElement::isEnabled);
        // every test starts in the default language, whatever an earlier one chose (the choice is remembered)
        script("localStorage.removeItem('hotline.lang')");
        driver().findElement(By.id("username")).sendKeys(username);
        driver().findElement(By.id("password")).sendKeys(password);
        button.click();
        awaitUrl(u -> !u.contains("/login.html"));
        await(By.tagName("html"), e -> "complete".equals(script("return document.readyState")));
        consoleErrors();
    }

    /** Forgets every cookie of every site, as if the server had lost the session. */
    public void clearCookies() {
        // WebDriver's deleteAllCookies only reaches the current page's site
        driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /**
     * Closes every WebSocket the page opened, as a dropped network or a restarting server would, and returns how
     * many were open. (Chromium's offline emulation leaves open WebSockets alone, hence the wrapper.)
     */
    public long dropWebSockets() {
        return (Long) script("return window.__hotlineTestSockets.filter(s => s.readyState <= 1)"
                + ".map(s => s.close(4000, 'dropped by the test')).length");
    }

    /** The text of the alert, confirm or prompt dialog open now, or null when none is. */
    public String openAlertText() {
        try {
            return driver().switchTo().alert().getText();
        } catch (NoAlertPresentException e) {
            return null;
        }
    }

    /** The console messages of level SEVERE since the last call (script errors, failed loads, CSP violations). */
    public List<String> consoleErrors() {
        return driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Saves a PNG of the viewport as {@code target/browser/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        Path file = OUTPUT.resolve(name + ".png");
        try {
            Files.createDirectories(OUTPUT);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void dumpForDiagnosis(String name) {
        try {
            dismissAlert();
            Path png = screenshot(name);
            Path html = OUTPUT.resolve(name + ".html");
            Files.writeString(html, "<!-- " + url() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            Path console = OUTPUT.resolve(name + ".console.txt");
            Files.write(console, driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString).toList(), StandardCharsets.UTF_8);
            log.warn("{} failed; the page is in {}, {} and {}", name, png.toAbsolutePath(), html.getFileName(),
                    console.getFileName());
        } catch (RuntimeException | IOException e) {
            // the browser itself may be what failed; the test's own failure must still be reported
            log.warn("{} failed and the page could not be saved: {}", name, e.toString());
        }
    }

    private void dismissAlert() {
        try {
            driver().switchTo().alert().dismiss();
        } catch (NoAlertPresentException e) {
            // nothing open: the usual case
        }
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete the Chromium profile {}: {}", profile, e.toString());
        }
        profile = null;
    }

    private static File existing(String path, String what) {
        File f = new File(path);
        if (!f.canExecute()) {
            throw new IllegalStateException(what + " not found at " + path
                    + " (Debian: apt-get install chromium chromium-driver; ./hotline test does it as root)");
        }
        return f;
    }
}
