package lu.kulturpass.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's Chromium, headless, driven through its own chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}; other paths with {@code KULTURPASS_CHROMIUM} and {@code KULTURPASS_CHROMEDRIVER}).
 * The driver's path is set explicitly, so Selenium Manager never downloads a browser or driver. Each
 * instance has a fresh profile and download folder, deleted on close; start one per test class.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private HeadlessChromium(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** A desktop-sized window (1280x900), English as the browser's language. */
    public static HeadlessChromium start() {
        return start(new String[0]);
    }

    /**
     * The same, with more Chromium switches, e.g. a fake camera: {@code --use-fake-device-for-media-stream},
     * {@code --use-fake-ui-for-media-stream}, {@code --use-file-for-fake-video-capture=<file.y4m>}.
     */
    public static HeadlessChromium start(String... extraArguments) {
        String binary = System.getenv().getOrDefault("KULTURPASS_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("KULTURPASS_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(binary)) || !Files.isExecutable(Path.of(chromedriver))) {
            throw new IllegalStateException("Browser tests need Chromium and its driver at " + binary + " and " + chromedriver
                    + " (Debian: apt-get install chromium chromium-driver; ./run-all-tests installs them when run as root)");
        }
        try {
            Path profile = Files.createTempDirectory("kulturpass-chromium-profile");
            Path downloads = Files.createTempDirectory("kulturpass-chromium-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(binary);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--no-default-browser-check", "--disable-extensions", "--lang=en-US", "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            options.addArguments(extraArguments);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en",
                    "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            return new HeadlessChromium(driver, profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * From now on the browser sends {@code Authorization: Bearer <token>} with every request of this tab (page
     * loads, navigations, the page's fetch calls), as if the person had signed in: it stands in for the session cookie
     * the services keep in hybrid mode, in tests where they verify bearer tokens. The pages load nothing from another
     * site, so the token only goes to the service under test. {@code null} stops sending it (a session that ended).
     * The page never sees the token: nothing of it can be read by a script or kept in the page's storage.
     */
    public void sendBearerToken(String token) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", token == null ? Map.of() : Map.of("Authorization", "Bearer " + token)));
    }

    /** The entries of the page's localStorage and sessionStorage whose value holds a JSON Web Token, as "storage key: value". */
    public List<String> tokensInStorage() {
        return script("const jwt = /eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*/;"
                + "return [['localStorage', localStorage], ['sessionStorage', sessionStorage]]"
                + " .flatMap(([name, storage]) => Object.keys(storage).filter((key) => jwt.test(storage.getItem(key)))"
                + " .map((key) => name + ' ' + key + ': ' + storage.getItem(key)));");
    }

    /** Waits until the element is visible, then returns it. */
    public WebElement visible(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks the element once it is visible and enabled, finding it again if the page drew it anew meanwhile. */
    public void click(By by) {
        await().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    public WebDriverWait await() {
        return new WebDriverWait(driver, PATIENCE);
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String javascript, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * Fails unless axe-core finds no accessibility violation in the page as it is now (WCAG 2.0 and 2.1 A and AA, and
     * axe's best practices: landmarks, one h1, headings in order, contrast, labels). {@code where} names the page's
     * state for the failure's message, e.g. "after an admitted scan, at 360 px".
     */
    public void assertAccessible(String where) {
        AxeCheck.assertNoViolations(driver, where);
    }

    /** Lays the page out as a phone of this many CSS pixels would (mobile viewport, touch), until {@link #desktop()}. */
    public void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    public void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Whether the page is wider than the viewport (a horizontal scroll bar on a phone). */
    public boolean scrollsSideways() {
        Boolean wider = script("return document.documentElement.scrollWidth > window.innerWidth"
                + " || document.body.scrollWidth > window.innerWidth;");
        return wider;
    }

    /** Waits for a completed download whose name starts with the prefix. */
    public Path downloaded(String prefix) {
        return await().until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(f -> f.getFileName().toString().startsWith(prefix))
                        .filter(f -> !f.getFileName().toString().endsWith(".crdownload")).toList();
                return done.isEmpty() ? null : done.get(0);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** Saves a screenshot of the viewport (for people reading a failed run: target/screenshots). */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
