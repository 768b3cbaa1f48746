package dev.planetary.ui.e2e;

import dev.planetary.ui.support.PlanetaryIT;
import dev.planetary.ui.support.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The targets page and the header's target in Chromium: every target with its health, switching
 * to staging shows staging's catalog, and the unreachable production target is announced as
 * production and as unreachable rather than failing (screenshots target/e2e-screenshots/targets-*.png).
 */
class TargetsE2EIT extends PlanetaryIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void browser() throws Exception {
        Browser.assumeInstalled();
        TestStack.STAGING.asOwner("CREATE TABLE IF NOT EXISTS app.e2e_only_on_staging (id int, note text)");
    }

    @Test
    void a_reviewer_switches_between_targets_and_sees_each_ones_catalog() throws Exception {
        try (Browser bob = Browser.open(port)) {
            bob.signIn("bob");
            bob.get("/targets");
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("target-offline"),
                    "unreachable"));
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("target-staging"),
                    "up"));
            bob.shot("targets-01-overview");

            bob.driver.findElement(By.cssSelector("#target-staging vaadin-button")).click();
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("target-staging"),
                    "You are working on this target"));
            bob.get("/catalog/tables/app/e2e_only_on_staging");
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "note"));
            assertThat(bob.driver.findElement(By.id("target-switcher")).getText()).contains("Staging");
            bob.shot("targets-02-staging-table");

            bob.get("/targets");
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#target-offline vaadin-button"))).click();
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("production-warning")));
            bob.get("/catalog");
            try {
                bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("target-unreachable")));
            } catch (RuntimeException e) {
                bob.shot("targets-failed");
                throw e;
            }
            assertThat(bob.driver.findElement(By.id("target-unreachable")).getText()).contains("offline");
            bob.shot("targets-03-production-unreachable");
        }
    }

    @Test
    void a_promoted_change_shows_where_it_has_been() throws Exception {
        STACK.asOwner("CREATE TABLE IF NOT EXISTS app.e2e_promoted (id int)");
        TestStack.STAGING.asOwner("CREATE TABLE IF NOT EXISTS app.e2e_promoted (id int)");
        String onDev = api.applied("alice", "bob", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"e2e_promoted"},"grantee":"app_reader"}""");
        String onStaging = api.post("alice", "/api/changes/" + onDev + "/promotions", "{\"target\": \"staging\"}")
                .body().path("id").asText();
        try (Browser bob = Browser.open(port)) {
            bob.signIn("bob");
            bob.get("/changes/" + onStaging);
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("promotion-chain"),
                    "applied"));
            assertThat(bob.driver.findElement(By.id("change-target")).getText()).isEqualTo("staging · staging");
            bob.shot("targets-04-promotion-chain");
        }
    }

    @Test
    void two_targets_are_compared_and_a_difference_is_shown_side_by_side() throws Exception {
        String table = "CREATE TABLE IF NOT EXISTS app.e2e_compared (id int, tenant text)";
        STACK.asOwner(table, "DROP POLICY IF EXISTS e2e_tenant ON app.e2e_compared",
                "CREATE POLICY e2e_tenant ON app.e2e_compared USING (tenant = current_setting('app.tenant', true))");
        TestStack.STAGING.asOwner(table);
        try (Browser alice = Browser.open(port)) {
            alice.signIn("alice");
            alice.get("/targets/compare?like=default&target=staging");
            alice.waiting(Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("compare-summary"),
                    "objects compared"));
            // the grid renders only the rows in view: narrow it to the policy first
            alice.driver.findElement(By.cssSelector("#compare-filter input")).sendKeys("e2e_");
            By row = By.xpath("//vaadin-grid-cell-content[contains(., '\"e2e_tenant\" ON')]");
            alice.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(row));
            alice.script("arguments[0].click();", alice.driver.findElement(row));
            alice.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("side-by-side-definition"), "current_setting"));
            alice.shot("targets-05-compare");
            alice.scrollTo(alice.driver.findElement(By.id("side-by-side-definition")));
            alice.shot("targets-06-compare-side-by-side");
        }
    }

    @Test
    void the_queue_of_applied_changes_offers_to_promote_the_chosen_ones_to_the_next_environment() throws Exception {
        for (String table : java.util.List.of("e2e_batch_one", "e2e_batch_two")) {
            STACK.asOwner("CREATE TABLE IF NOT EXISTS app." + table + " (id int)");
            api.applied("alice", "bob", """
                    {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                     "table":{"schema":"app","name":"%s"},"grantee":"app_reader"}""".formatted(table));
        }
        try (Browser alice = Browser.open(port)) {
            alice.signIn("alice");
            alice.get("/?status=APPLIED&object=app_reader");
            alice.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-promotion")));
            By row = By.xpath("//vaadin-grid-cell-content[contains(., 'e2e_batch_')]");
            alice.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(row));
            alice.shot("targets-07-batch-promotion");
            assertThat(alice.driver.findElement(By.id("batch-promote-target")).getText()).contains("Staging");
        }
    }

    @Test
    void an_operator_registers_a_target_and_sees_its_connection_tested_check_by_check() throws Exception {
        String good = TestStack.STAGING.spareDatabase("e2e_registered");
        String leaky = TestStack.STAGING.spareDatabase("e2e_leaky");
        // A second registration whose metadata login could read every row: its test fails, and says why.
        api.post("bob", "/api/targets", """
                {"target": "e2e-leaky", "name": "Reporting replica", "environment": "prod", "url": "%s",
                 "metadataLogin": "spare-super", "ddlLogin": "spare-ddl"}""".formatted(TestStack.STAGING.server().jdbcUrl(leaky)));
        try (Browser bob = Browser.open(port)) {
            bob.signIn("bob");
            bob.get("/targets");
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(By.id("register-target"))).click();
            bob.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("register-target-name")));
            type(bob, "register-target-name", "eu-west");
            type(bob, "register-target-environment", "staging" + org.openqa.selenium.Keys.ENTER);
            type(bob, "register-target-url", TestStack.STAGING.server().jdbcUrl(good));
            type(bob, "register-target-metadata", "spare-meta");
            type(bob, "register-target-ddl", "spare-ddl");
            bob.shot("targets-08-register-dialog");
            bob.driver.findElement(By.id("register-target-submit")).click();
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("registration-verdict-eu-west"), "passed"));
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("registration-verdict-e2e-leaky"), "failed"));
            assertThat(bob.driver.findElement(By.id("registration-e2e-leaky")).getText()).contains("superuser");
            bob.scrollTo(bob.driver.findElement(By.id("target-registrations")));
            bob.shot("targets-09-registrations-tested");

            assertThat(api.post("carol", "/api/targets/registrations/eu-west/approval", "{}").status()).isEqualTo(200);
            bob.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("disable-eu-west")));
            bob.shot("targets-10-registered-target");
        } finally {
            api.post("bob", "/api/targets/registrations/eu-west/disable", "{\"reason\":\"end of the browser test\"}");
            api.post("carol", "/api/targets/registrations/e2e-leaky/rejection", "{\"reason\":\"reads rows\"}");
        }
    }

    private static void type(Browser browser, String id, String text) {
        browser.driver.findElement(By.cssSelector("#" + id + " input")).sendKeys(text);
    }
}
