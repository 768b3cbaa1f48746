package dev.planetary.ui.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A headless Debian Chromium signed in to Planetary, taking screenshots into target/e2e-screenshots. */
final class Browser implements AutoCloseable {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target", "e2e-screenshots");

    final WebDriver driver;
    private final int port;

    private Browser(WebDriver driver, int port) {
        this.driver = driver;
        this.port = port;
    }

    /** .ci/run installs chromium and chromium-driver; a machine without them skips the test. */
    static void assumeInstalled() throws IOException {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM), "chromium and chromedriver are not installed");
        Files.createDirectories(SHOTS);
    }

    static Browser open(int port) throws IOException {
        return new Browser(chrome("1400,1000"), port);
    }

    /** A fresh headless Chromium (a new profile), with the flags this machine needs. */
    static WebDriver chrome(String windowSize) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + windowSize, "--user-data-dir=" + Files.createTempDirectory("planetary-chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    WebDriverWait waiting(Duration atMost) {
        return new WebDriverWait(driver, atMost);
    }

    void get(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Makes {@code target} the session's target from the targets page, as a person does. */
    void workOn(String target) {
        get("/targets");
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#target-" + target + " vaadin-button"))).click();
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("target-" + target),
                "You are working on this target"));
    }

    void signIn(String login) {
        signIn(driver, "http://localhost:" + port, login);
    }

    /** Signs a demo person in through the login form (password demo-login). */
    static void signIn(WebDriver driver, String baseUrl, String login) {
        driver.get(baseUrl + "/login");
        WebDriverWait waiting = new WebDriverWait(driver, Duration.ofSeconds(30));
        WebElement user = waiting.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name=username]")));
        user.sendKeys(login);
        driver.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys("demo-" + login, Keys.ENTER);
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    }

    void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    void shot(String name) throws IOException {
        screenshot(driver, name);
    }

    static void screenshot(WebDriver driver, String name) throws IOException {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
