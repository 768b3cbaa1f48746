package dev.planetary.ui.e2e;

import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function pages in a real headless Chromium: the functions page with a DEFINER flagged, the
 * create-function form opened by "Replace", the drop form with its CASCADE preview, and the test
 * runner with a row and with an error. Screenshots go to target/e2e-screenshots (fn-*.png).
 */
class FunctionPagesE2EIT extends PlanetaryIT {

    private static final String WINDOW = "1400,1300";

    @LocalServerPort
    private int port;
    private WebDriver driver;

    @BeforeAll
    static void browserInstalled() throws IOException {
        Browser.assumeInstalled();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private WebDriver browser() throws IOException {
        return Browser.chrome(WINDOW);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private void shot(String name) throws IOException {
        Browser.screenshot(driver, name);
    }

    /**
     * Clicks the first match that is really on screen: a grid keeps re-used rows with stale text
     * (and zero size) beside the rendered ones while a filter applies.
     */
    private void click(By by) {
        WebElement element;
        try {
            element = waiting().until(d -> d.findElements(by).stream()
                    .filter(e -> e.isDisplayed() && e.getSize().getHeight() > 0).findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                shot("fn-failed-to-click");
            } catch (IOException ignored) {
                // the timeout says enough
            }
            throw e;
        }
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementNotInteractableException covered) {
            // the page moved under the fixed header between the scroll and the click: click where it is
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
        }
    }

    private void choose(String comboId, String value) {
        WebElement input = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-combo-box#" + comboId + " input")));
        input.click();
        input.sendKeys(value);
        waiting().until(ExpectedConditions.attributeToBe(By.cssSelector("vaadin-combo-box#" + comboId), "opened", "true"));
        input.sendKeys(Keys.ENTER);
    }

    private String body() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The function's panel fills in after its title: wait for what it should say. */
    private void awaitBody(String... texts) {
        waiting().until(d -> java.util.Arrays.stream(texts).allMatch(body()::contains));
    }

    private void openFunctionsOn(String signature) {
        driver.get(url("/catalog/functions"));
        // the grid renders only the rows in view: narrow it to the function first
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#function-filter input")))
                .sendKeys(signature.substring(signature.indexOf('.') + 1, signature.indexOf('(')));
        // A click can land while the filter still re-renders the grid: click the rendered row again until it opens.
        By row = By.xpath("//vaadin-grid-cell-content[normalize-space()='" + signature + "']");
        // A second click on a selected row deselects it: click again only when the first has had time to land.
        long[] lastClick = {0};
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            if (System.nanoTime() - lastClick[0] > 3_000_000_000L) {
                d.findElements(row).stream().filter(e -> e.isDisplayed() && e.getSize().getHeight() > 0).findFirst()
                        .ifPresent(e -> {
                            ((JavascriptExecutor) d).executeScript("arguments[0].click();", e);
                            lastClick[0] = System.nanoTime();
                        });
            }
            List<WebElement> title = d.findElements(By.id("function-title"));
            return !title.isEmpty() && title.get(0).getText().equals(signature);
        });
    }

    @Test
    void the_function_pages_render_and_work_in_a_browser() throws Exception {
        STACK.asOwner("GRANT USAGE ON SCHEMA app TO karen", "GRANT SELECT ON app.invoice TO karen",
                "CREATE FUNCTION app.e2e_lookup(p_id bigint) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER "
                        + "AS 'SELECT email FROM app.customer WHERE id = p_id'",
                "CREATE FUNCTION app.e2e_share(p_total numeric, p_parts integer DEFAULT 1) RETURNS numeric "
                        + "LANGUAGE plpgsql IMMUTABLE STRICT AS $$BEGIN RETURN p_total / p_parts; END$$",
                "CREATE VIEW app.e2e_acme AS SELECT app.invoice_total('acme') AS total");
        driver = browser();
        Browser.signIn(driver, url(""), "dave");

        driver.get(url("/catalog/functions"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='app.invoice_total(p_tenant text)']")));
        shot("fn-00-functions-page");
        openFunctionsOn("app.e2e_lookup(p_id bigint)");
        awaitBody("DEFINER · no search_path", "SECURITY DEFINER without a fixed search_path");
        shot("fn-01-functions-page-definer");
        openFunctionsOn("app.invoice_total(p_tenant text)");
        awaitBody("view app.e2e_acme");
        shot("fn-02-functions-page-invoice-total");

        click(By.id("function-replace"));
        waiting().until(ExpectedConditions.urlContains("/propose"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#change-preview pre"), "CREATE OR REPLACE FUNCTION"));
        shot("fn-03-create-function-replace");
        click(By.xpath("//vaadin-radio-button[.//label[normalize-space()='owner (DEFINER)']]"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#change-preview pre"), "SECURITY DEFINER"));
        shot("fn-04-create-function-definer");

        openFunctionsOn("app.invoice_total(p_tenant text)");
        click(By.id("function-drop"));
        waiting().until(ExpectedConditions.urlContains("/propose"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("drop-cascade-preview"), "view app.e2e_acme"));
        shot("fn-05-drop-function-cascade-preview");

        openFunctionsOn("app.invoice_total(p_tenant text)");
        click(By.id("function-test"));
        waiting().until(ExpectedConditions.urlContains("/test-runs"));
        WebElement argument = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#test-arguments vaadin-text-field input")));
        argument.sendKeys("acme");
        choose("test-role", "karen");
        click(By.id("run-test"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result"), "nothing persisted"));
        assertThat(body()).contains("1 row(s)").contains("Ran as karen");
        shot("fn-06-test-runner-row");

        openFunctionsOn("app.e2e_share(p_total numeric, p_parts integer)");
        click(By.id("function-test"));
        waiting().until(ExpectedConditions.urlContains("/test-runs"));
        WebElement total = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#test-arguments vaadin-text-field input")));
        total.sendKeys("10");
        driver.findElements(By.cssSelector("#test-arguments vaadin-text-field input")).get(1).sendKeys("0");
        choose("test-role", "karen");
        click(By.id("run-test"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-error"), "SQLSTATE 22012"));
        shot("fn-07-test-runner-error");
    }
}
