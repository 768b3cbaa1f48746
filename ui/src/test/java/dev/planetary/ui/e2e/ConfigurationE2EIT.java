package dev.planetary.ui.e2e;

import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration page in Chromium as a viewer sees it: the tree of categories, a search, and only
 * what differs from the default; the defaults a role sets. Screenshots: target/e2e-screenshots/config-*.png.
 */
class ConfigurationE2EIT extends PlanetaryIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void chromium() throws Exception {
        Browser.assumeInstalled();
        STACK.asOwner("ALTER ROLE karen SET work_mem = '16MB'");
    }

    @AfterAll
    static void putBack() throws Exception {
        STACK.asOwner("ALTER ROLE karen RESET work_mem");
        try (java.sql.Connection superuser = STACK.target(); java.sql.Statement statement = superuser.createStatement()) {
            statement.execute("ALTER SYSTEM RESET log_min_duration_statement");
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    @Test
    void a_viewer_reads_the_configuration_by_category_and_searches_it() throws Exception {
        try (Browser victor = Browser.open(port)) {
            victor.signIn("victor");
            victor.get("/configuration");
            victor.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("config-parameters"),
                    "Autovacuum"));
            victor.shot("config-01-by-category");

            WebElement search = victor.driver.findElement(By.cssSelector("#config-search input"));
            search.sendKeys("work_mem");
            // work_mem itself, and the parameters whose name or description names it
            victor.waiting(Duration.ofSeconds(10)).until(driver -> Integer.parseInt(
                    driver.findElement(By.id("config-shown")).getText().replace(" shown", "")) < 10);
            assertThat(victor.driver.findElement(By.id("config-parameters")).getText()).contains("maintenance_work_mem", "a SET in the session");
            victor.shot("config-02-search");

            search.clear();
            search.sendKeys(" ");
            victor.driver.findElement(By.cssSelector("#config-changed-only input")).click();
            String differ = victor.driver.findElement(By.id("config-summary")).getText().replaceAll(".* · (\\d+) differ.*", "$1");
            victor.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("config-shown"),
                    differ + " shown"));
            victor.shot("config-03-changed-from-default");

            victor.driver.findElement(By.xpath("//vaadin-tab[contains(., 'Per role and database')]")).click();
            victor.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("config-role-settings"),
                    "role karen, in every database"));
            victor.shot("config-04-per-role-and-database");
        }
    }

    @Test
    void a_requester_changes_a_parameter_from_its_row_and_sees_it_in_force() throws Exception {
        try (Browser alice = Browser.open(port)) {
            alice.signIn("alice");
            alice.get("/configuration");
            alice.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("config-parameters"),
                    "Autovacuum"));
            openParameter(alice, "log_min_duration_statement");
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("config-change-log_min_duration_statement")))
                    .click();
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("alter-system-value")));
            WebElement value = alice.driver.findElement(By.cssSelector("#alter-system-value input"));
            value.sendKeys("250 sec");
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("alter-system-value"),
                    "as its unit"));
            alice.shot("config-05-unit-refused");
            value.clear();
            value.sendKeys("250ms");
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("change-preview"),
                    "ALTER SYSTEM SET"));
            alice.shot("config-06-alter-system-form");
        }
        String id = api.applied("alice", "bob", """
                {"kind": "alter-system", "parameter": "log_min_duration_statement", "value": "250ms"}""");
        try (Browser alice = Browser.open(port)) {
            alice.signIn("alice");
            alice.get("/changes/" + id);
            alice.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "checked after the reload"));
            alice.shot("config-07-applied-and-in-force");
            alice.get("/configuration");
            alice.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("config-parameters"),
                    "Autovacuum"));
            openParameter(alice, "log_min_duration_statement");
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("config-parameters"),
                    "log_min_duration_statement = 250ms"));
            alice.shot("config-08-parameter-history");
        }
    }

    @Test
    void a_requester_proposes_a_roles_default_from_the_per_role_tab() throws Exception {
        try (Browser alice = Browser.open(port)) {
            alice.signIn("alice");
            alice.get("/configuration");
            alice.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("config-tabs")));
            alice.driver.findElement(By.xpath("//vaadin-tab[contains(., 'Per role and database')]")).click();
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("config-new-role-setting"))).click();
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("role-setting-role")));
            choose(alice, "role-setting-role", "karen");
            choose(alice, "role-setting-parameter", "search_path");
            alice.driver.findElement(By.cssSelector("#role-setting-value input")).sendKeys("\"$user\", app, public");
            alice.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("change-preview"),
                    "ALTER ROLE"));
            assertThat(alice.driver.findElement(By.id("change-preview")).getText())
                    .contains("ALTER ROLE \"karen\" SET \"search_path\" = E'$user', E'app', E'public'");
            alice.shot("config-09-role-default-form");
        }
    }

    private static void choose(Browser browser, String comboId, String item) {
        WebElement input = browser.driver.findElement(By.cssSelector("#" + comboId + " input"));
        input.sendKeys(item);
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + item + "']"))).click();
    }

    /** Searches for the parameter and opens its row (a click shows its details). */
    private static void openParameter(Browser browser, String name) {
        browser.driver.findElement(By.cssSelector("#config-search input")).sendKeys(name);
        By cell = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + name + "']");
        browser.waiting(Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("config-shown")).getText().matches("[1-5] shown"));
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(cell)).click();
    }
}
