package dev.planetary.ui.e2e;

import dev.planetary.ui.security.SignInLog;
import dev.planetary.ui.security.SignInThrottle;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sign-in form in Chromium, under the Content-Security-Policy: wrong passwords say so, and past
 * five an attempt that comes before its wait is over is not checked, which the form says; the right
 * password gets in once the wait is over; every attempt and the sign-out are on the record. Screenshots: target/e2e-screenshots/signin-*.png.
 */
class SignInE2EIT extends PlanetaryIT {

    @LocalServerPort
    private int port;
    @Autowired
    private SignInThrottle throttle;
    @Autowired
    private SignInLog signIns;

    @BeforeAll
    static void chromium() throws Exception {
        Browser.assumeInstalled();
    }

    @AfterEach
    void forgetFailures() {
        throttle.clear();
    }

    @Test
    void the_form_holds_back_a_guessed_login_and_says_why() throws Exception {
        Instant started = Instant.now().minusSeconds(1);
        try (Browser browser = Browser.open(port)) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                attempt(browser, "dave", "guess-" + attempt);
                assertThat(formText(browser)).as("attempt %d is checked", attempt).contains("Wrong login or password");
                if (attempt == 1) {
                    browser.shot("signin-01-wrong-password");
                }
            }
            // Past five, each attempt waits twice as long as the one before (1 s, 2 s, 4 s, ...): soon one comes too early.
            int attempt = 6;
            while (!formText(browser).contains("Too many failed sign-ins") && attempt <= 12) {
                attempt(browser, "dave", "guess-" + attempt++);
            }
            assertThat(formText(browser)).contains("did not check this attempt");
            browser.shot("signin-02-throttled");

            browser.waiting(Duration.ofSeconds(30)).until(driver -> {
                attempt(browser, "dave", "demo-dave");
                return !driver.findElements(By.id("signed-in-as")).isEmpty();
            });
            browser.driver.findElement(By.id("sign-out")).click();
            browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login"));
        }
        // every attempt checked, refused or ended is on the record, from the UI
        await().atMost(Duration.ofSeconds(10)).until(() -> signIns.latest("dave", 1).get(0).outcome() == SignInLog.Outcome.SIGNED_OUT);
        List<SignInLog.Entry> record = signIns.latest("dave", 50).stream().filter(entry -> entry.at().isAfter(started)).toList();
        assertThat(record).extracting(SignInLog.Entry::channel).containsOnly("UI");
        assertThat(record).extracting(SignInLog.Entry::outcome).contains(SignInLog.Outcome.SIGNED_IN, SignInLog.Outcome.THROTTLED)
                .filteredOn(outcome -> outcome == SignInLog.Outcome.FAILED).hasSizeGreaterThanOrEqualTo(5);
    }

    /** The form's text once it shows a verdict on the last attempt. */
    private static String formText(Browser browser) {
        return browser.waiting(Duration.ofSeconds(20)).until(driver -> driver.findElements(By.cssSelector("vaadin-login-form")).stream()
                .map(form -> form.getText()).filter(text -> text.contains("Wrong login") || text.contains("Too many"))
                .findFirst().orElse(null));
    }

    private static void attempt(Browser browser, String login, String password) {
        browser.get("/login");
        var user = browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name=username]")));
        user.clear();
        user.sendKeys(login);
        browser.driver.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys(password, Keys.ENTER);
        browser.waiting(Duration.ofSeconds(30)).until(driver -> driver.getCurrentUrl().contains("error")
                || !driver.findElements(By.id("signed-in-as")).isEmpty());
    }
}
