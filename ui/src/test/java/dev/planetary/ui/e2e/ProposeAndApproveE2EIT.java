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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow in a real headless Chromium: a requester proposes a GRANT through the form, a
 * reviewer in a second browser session approves it from the queue, the change is applied, and
 * PostgreSQL has the privilege. Each step's screenshot goes to target/e2e-screenshots.
 */
class ProposeAndApproveE2EIT extends PlanetaryIT {

    @LocalServerPort
    private int port;
    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void browserInstalled() throws IOException {
        Browser.assumeInstalled();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    private WebDriver browser() throws IOException {
        WebDriver driver = Browser.chrome("1400,900");
        browsers.add(driver);
        return driver;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private void signIn(WebDriver driver, String login) {
        Browser.signIn(driver, url(""), login);
    }

    private static void shot(WebDriver driver, String name) throws IOException {
        Browser.screenshot(driver, name);
    }

    /** Clicks a button that may be below the fold, as a person would after scrolling to it. */
    private static void press(WebDriver driver, String id) {
        WebElement button = waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
    }

    private static void choose(WebDriver driver, String comboId, String value) {
        WebElement input = waiting(driver).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-combo-box#" + comboId + " input")));
        input.click();
        input.sendKeys(value);
        waiting(driver).until(ExpectedConditions.attributeToBe(By.cssSelector("vaadin-combo-box#" + comboId), "opened", "true"));
        input.sendKeys(Keys.ENTER);
    }

    @Test
    void a_grant_proposed_in_the_form_is_approved_from_the_queue_and_applied() throws Exception {
        STACK.asOwner("CREATE TABLE app.e2e_orders (id int PRIMARY KEY, total numeric)");
        String title = "Grant SELECT on app.e2e_orders to karen";

        WebDriver requester = browser();
        signIn(requester, "alice");
        shot(requester, "01-requester-signed-in");
        requester.get(url("/propose?schema=app&table=e2e_orders"));
        // the propose menu, grouped by family (from the registry of kinds)
        waiting(requester).until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-select#change-kind"))).click();
        WebElement heading = waiting(requester).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("span.kind-group")));
        assertThat(heading.getText()).isEqualToIgnoringCase("Privileges and roles");
        shot(requester, "01b-propose-menu-by-family");
        requester.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        WebElement select = waiting(requester).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-checkbox-group[@id='privileges']//vaadin-checkbox[.//label[normalize-space()='SELECT']]")));
        select.click();
        choose(requester, "grantee", "karen");
        waiting(requester).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("pre.sql"), "GRANT SELECT"));
        shot(requester, "02-form-with-sql-preview");
        requester.findElement(By.id("propose")).click();
        waiting(requester).until(ExpectedConditions.urlContains("/changes/"));
        waiting(requester).until(ExpectedConditions.textToBe(By.id("change-status"), "proposed"));
        String changeId = requester.getCurrentUrl().substring(requester.getCurrentUrl().lastIndexOf('/') + 1);
        WebElement changes = waiting(requester).until(ExpectedConditions.visibilityOfElementLocated(By.id("dry-run-changes")));
        assertThat(changes.getText()).contains("privileges on \"app\".\"e2e_orders\"");
        ((JavascriptExecutor) requester).executeScript("arguments[0].scrollIntoView({block: 'center'});", changes);
        shot(requester, "03-proposed-change");

        WebDriver reviewer = browser();
        signIn(reviewer, "bob");
        // other tests leave changes in the queue: open it narrowed to this table
        reviewer.get(url("/?object=app.e2e_orders"));
        WebElement row = waiting(reviewer).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='" + title + "']")));
        shot(reviewer, "04-review-queue");
        ((JavascriptExecutor) reviewer).executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
        row.click();
        waiting(reviewer).until(ExpectedConditions.urlContains("/changes/" + changeId));
        waiting(reviewer).until(ExpectedConditions.elementToBeClickable(By.id("approve"))).click();
        waiting(reviewer).until(ExpectedConditions.textToBe(By.id("change-status"), "applied"));
        assertThat(reviewer.findElement(By.tagName("body")).getText()).contains("Applied in");
        shot(reviewer, "05-applied-with-timeline");

        assertThat(STACK.targetQuery("SELECT has_table_privilege('karen', 'app.e2e_orders', 'SELECT')")).isTrue();
    }

    @Test
    void the_protect_form_builds_views_and_a_policy_with_the_plan_beside_them() throws Exception {
        WebDriver requester = browser();
        signIn(requester, "dave");
        requester.get(url("/propose?kind=protect-table&schema=app&table=invoice"));
        press(requester, "add-redacted-view");
        waiting(requester).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".protect-view"), 2));
        press(requester, "add-policy-from-template");
        waiting(requester).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("pre.sql"), "FORCE ROW LEVEL SECURITY"));
        assertThat(requester.findElement(By.cssSelector("pre.sql")).getText()).contains("mask_email", "CREATE POLICY");
        ((JavascriptExecutor) requester).executeScript("window.scrollTo(0, 0);");
        shot(requester, "06-protect-form");
        ((JavascriptExecutor) requester).executeScript("document.querySelector('pre.sql').scrollIntoView({block: 'start'});");
        shot(requester, "07-protect-plan");
        press(requester, "propose");
        waiting(requester).until(ExpectedConditions.urlContains("/changes/"));
        waiting(requester).until(ExpectedConditions.textToBe(By.id("change-status"), "proposed"));
        shot(requester, "08-protect-change");
        assertThat(requester.findElement(By.tagName("body")).getText()).contains("REVOKE ALL ON TABLE", "forces row security");
    }

    @Test
    void the_audit_log_shows_what_a_write_changed() throws Exception {
        dev.planetary.ui.support.TestStack.audit().execute("postgres", """
                INSERT INTO audit.row_change (occurred_at, database_name, schema_name, table_name, operation, session_user_name,
                    claims, old_row, new_row) VALUES (now(), 'app', 'app', 'e2e_audited', 'UPDATE', 'karen',
                    '{"app.tenant_id": "acme"}', '{"id": 7, "status": "open", "amount": 120.0}',
                    '{"id": 7, "status": "paid", "amount": 120.0}')""");
        WebDriver operator = browser();
        signIn(operator, "bob");
        operator.get(url("/audit"));
        WebElement row = waiting(operator).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='app.e2e_audited']")));
        row.click();
        waiting(operator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-comparison"), "1 field(s) changed"));
        shot(operator, "09-audit-log");
    }
}
