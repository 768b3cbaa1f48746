package dev.planetary.ui.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.ExecutorLock;
import dev.planetary.ui.support.PlanetaryIT;
import dev.planetary.ui.support.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A target that goes down, or drops the executor's connection in the middle of an apply: the apply
 * waits (recorded once on the change, shown on its page and in the timeline), nothing is marked applied
 * or failed, and once the target answers the change is applied exactly once (one ledger row, one
 * applied event). The staging target's server is stopped and started again for it. Screenshot of the
 * waiting change's page: target/e2e-screenshots/target-down-change.png.
 */
class TargetDownE2EIT extends PlanetaryIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void browser() throws java.io.IOException {
        Browser.assumeInstalled();
    }

    @Test
    void an_apply_waits_while_its_target_is_down_and_is_applied_once_when_it_is_back() throws Exception {
        TestStack.STAGING.asOwner("CREATE TABLE IF NOT EXISTS app.down_while_applying (id int)");
        String id = proposeOnStaging("down_while_applying");
        // Approved while the target is up (rights on staging are read there: with it down, approving is refused),
        // and held at the executor's lock until the server goes down under it.
        ExecutorLock lock = ExecutorLock.hold(TestStack.STAGING.server().connect(TestStack.STAGING.database));
        assertThat(api.approve("carol", id).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> lock.waitingApplies() > 0);

        TestStack.STAGING.withServerStopped(() -> {
            JsonNode waiting = api.await(id, change -> change.path("waiting").isObject());
            assertThat(waiting.path("status").asText()).as(waiting.toString()).isEqualTo("APPLYING");
            assertThat(waiting.path("waiting").path("reason").path("sqlState").asText()).matches("08...|57P0[123]");
            assertThat(waiting.path("waiting").path("since").asText()).isNotBlank();
            assertThat(api.get("victor", "/api/changes/" + id + "/history").body().findValuesAsText("summary"))
                    .anyMatch(summary -> summary.startsWith("Waiting for the target, which cannot be reached"));
            showsTheWait(id);
            // Tried again while down (after 1 s, 2 s, ...): the wait is recorded once, and nothing is applied or failed.
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(events(id, "ChangeApplyWaitingEvent")).as("the wait is recorded once").isEqualTo(1);
                assertThat(api.get("victor", "/api/changes/" + id).body().path("status").asText()).isEqualTo("APPLYING");
            });
        });
        lock.close();

        JsonNode applied = api.await(id, change -> change.path("status").asText().matches("APPLIED|FAILED"));
        assertThat(applied.path("status").asText()).as(applied.toString()).isEqualTo("APPLIED");
        assertThat(applied.path("waiting").isNull()).as("the wait ends with the apply").isTrue();
        assertAppliedOnce(id, "down_while_applying");
    }

    @Test
    void a_connection_lost_in_the_middle_of_an_apply_is_tried_again_and_applied_once() throws Exception {
        TestStack.STAGING.asOwner("CREATE TABLE IF NOT EXISTS app.cut_mid_apply (id int)");
        String id = proposeOnStaging("cut_mid_apply");

        try (ExecutorLock lock = ExecutorLock.hold(TestStack.STAGING.server().connect(TestStack.STAGING.database))) {
            assertThat(api.approve("carol", id).status()).isEqualTo(200);
            // The executor's session waits for the lock inside its apply: the server ends it (as a failover would).
            await().atMost(Duration.ofSeconds(20)).until(() -> lock.terminateWaitingApplies() > 0);
            JsonNode waiting = api.await(id, change -> change.path("waiting").isObject());
            assertThat(waiting.path("status").asText()).as(waiting.toString()).isEqualTo("APPLYING");
            assertThat(waiting.path("failure").isNull()).isTrue();
            lock.release();
        }

        JsonNode applied = api.await(id, change -> change.path("status").asText().matches("APPLIED|FAILED"));
        assertThat(applied.path("status").asText()).as(applied.toString()).isEqualTo("APPLIED");
        assertAppliedOnce(id, "cut_mid_apply");
    }

    /** The change's page says the apply waits for its target, and its timeline has the wait. */
    private void showsTheWait(String id) {
        try (Browser browser = Browser.open(port)) {
            browser.signIn("victor");
            browser.get("/changes/" + id);
            WebElement waiting = browser.waiting(Duration.ofSeconds(30)).until(driver -> driver.findElements(By.id("apply-waiting")).stream()
                    .findFirst().orElse(null));
            assertThat(waiting.getText()).startsWith("Waiting for the target since").contains("Nothing is marked applied");
            // its timeline, below the outcome, has the wait too
            assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("Waiting for the target, which cannot be reached");
            browser.scrollTo(waiting);
            browser.shot("target-down-change");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String proposeOnStaging(String table) {
        var proposed = api.post("alice", "/api/changes", """
                {"target": "staging", "spec": {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"%s"},"grantee":"app_reader"}}""".formatted(table));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.body().path("dryRunStatus").asText()).isEqualTo("PASSED");
        return proposed.body().path("id").asText();
    }

    private void assertAppliedOnce(String id, String table) throws SQLException {
        assertThat(TestStack.STAGING.query("SELECT has_table_privilege('app_reader', 'app." + table + "', 'SELECT')")).isTrue();
        assertThat(TestStack.STAGING.query("SELECT count(*) = 1 FROM planetary.applied_change WHERE change_id = '" + id + "'"))
                .as("one ledger row").isTrue();
        assertThat(events(id, "ChangeAppliedEvent")).as("one applied event").isEqualTo(1);
        assertThat(events(id, "ChangeFailedEvent")).as("no failure recorded").isZero();
    }

    private long events(String changeId, String type) throws SQLException {
        return STACK.count(STACK.control(), "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + changeId
                + "' AND payload_type LIKE '%" + type + "'");
    }
}
