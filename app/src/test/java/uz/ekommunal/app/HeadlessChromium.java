package uz.ekommunal.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium and chromedriver, headless, phone-sized, with screenshots kept under
 * {@code target/screenshots}. Paths are explicit so Selenium Manager never tries to download a driver.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final Path screenshots;
    private int step;

    HeadlessChromium(Path profile, Path screenshots) throws IOException {
        this(profile, screenshots, 390, 844);
    }

    /** A phone's viewport of this many CSS pixels, e.g. 360 x 740 for a small Android phone. */
    HeadlessChromium(Path profile, Path screenshots, int width, int height) throws IOException {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--lang=uz", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // for consoleErrors()
        // A phone's viewport: headless windows cannot be narrower than 500 px, the emulated screen can.
        // the console, so a test can fail on any error the page logs (a 404, a script error)
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.screenshots = Files.createDirectories(screenshots);
    }

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** A numbered PNG of the whole page as it looks now, e.g. {@code 03-widgets.png}. */
    void screenshot(String name) throws IOException {
        Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, screenshots.resolve(String.format("%02d-%s.png", ++step, name)),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** How wide the page's content is, and how wide the viewport: content wider than the viewport scrolls sideways. */
    long[] widths() {
        @SuppressWarnings("unchecked")
        java.util.List<Number> w = (java.util.List<Number>) driver.executeScript(
                "return [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth];");
        return new long[] {Math.max(w.get(0).longValue(), w.get(1).longValue()), w.get(2).longValue()};
    }

    /** The console's errors (SEVERE entries) since the last call. */
    java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    }

    /** Shows the page as on a screen this many CSS pixels wide (a phone below 800). */
    void resize(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 800));
    }

    WebDriver.Navigation navigate() {
        return driver.navigate();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
