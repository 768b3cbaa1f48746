package dev.planetary.ui.e2e;

import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A concurrent index build on three million rows, watched from the change's page in Chromium: the
 * reviewer approves, the step appears running and its progress bar moves with PostgreSQL's
 * progress view, then the step shows done. Screenshots: target/e2e-screenshots/idx-*.png.
 */
class IndexProgressE2EIT extends PlanetaryIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void table() throws Exception {
        Browser.assumeInstalled();
        // No autovacuum on the fresh 3,000,000 rows: its SHARE UPDATE EXCLUSIVE lock would hold the build off,
        // and it yields to a waiting lock only after deadlock_timeout (1 s), longer than the tests' lock
        // timeout (700 ms; 5 s by default, where autovacuum gives way): the build then failed at random.
        STACK.asOwner("CREATE SCHEMA IF NOT EXISTS e2e_bulk",
                "CREATE TABLE IF NOT EXISTS e2e_bulk.measurement WITH (autovacuum_enabled = false) AS SELECT g AS id, (g % 7919)::int AS sensor,"
                        + " md5(g::text) AS payload FROM generate_series(1, 3000000) g");
    }

    @Test
    void the_progress_bar_moves_while_the_index_builds() throws Exception {
        String id = api.propose("alice", """
                {"kind": "create-index", "table": {"schema": "e2e_bulk", "name": "measurement"},
                 "name": "measurement_payload_idx", "keys": [{"column": "payload"}, {"column": "sensor"}]}""")
                .path("id").asText();
        try (Browser reviewer = Browser.open(port)) {
            reviewer.signIn("bob");
            reviewer.get("/changes/" + id);
            WebElement steps = reviewer.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("steps")));
            reviewer.scrollTo(steps);
            reviewer.shot("idx-01-proposed-steps-waiting");

            assertThat(api.approve("bob", id).status()).isEqualTo(200);
            Set<Double> seen = new TreeSet<>();
            // Read in one script: the page re-renders on every step event, so element handles go stale.
            String barValue = "const bar = document.querySelector(\"#steps [data-status='PROGRESSED'] vaadin-progress-bar\");"
                    + " if (bar) { bar.scrollIntoView({block: 'center'}); return bar.value; } return null;";
            // Generous: the target's executor applies one change at a time, and on a loaded machine the
            // build may start late. A failure says where the change and the target's sessions stood.
            reviewer.waiting(Duration.ofSeconds(180)).withMessage(() -> whereItStands(id)).until(driver -> {
                if ("FAILED".equals(api.get("bob", "/api/changes/" + id).body().path("status").asText())) {
                    throw new AssertionError("the build failed: " + whereItStands(id));
                }
                if (reviewer.script(barValue) instanceof Number number && number.doubleValue() > 0) {
                    if (seen.isEmpty()) {
                        try {
                            reviewer.shot("idx-02-building-progress");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    seen.add(number.doubleValue());
                }
                return seen.size() >= 2 || !driver.findElements(By.cssSelector("#steps [data-status='FINISHED']")).isEmpty();
            });
            reviewer.waiting(Duration.ofSeconds(120)).withMessage(() -> whereItStands(id)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#steps [data-status='FINISHED']")));
            reviewer.scrollTo(reviewer.driver.findElement(By.id("steps")));
            reviewer.shot("idx-03-built");
            // the timeline of the table: the steps between proposal and outcome
            reviewer.get("/history?object=e2e_bulk.measurement");
            reviewer.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("vaadin-grid"), "Step 1 finished"));
            reviewer.shot("idx-04-history-with-steps");
            assertThat(seen).as("the bar moved: distinct fractions seen while building").hasSizeGreaterThanOrEqualTo(2);

            // Dropping it: the undo builds the same index again, from the definition read at proposal.
            String drop = api.propose("alice", """
                    {"kind": "drop-index", "index": {"schema": "e2e_bulk", "name": "measurement_payload_idx"}}""")
                    .path("id").asText();
            reviewer.get("/changes/" + drop);
            // Located afresh on every try: the page renders again when its subscription delivers.
            reviewer.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.xpath("//h3[normalize-space()='Undo']/following-sibling::*[1]"),
                    "CREATE INDEX CONCURRENTLY measurement_payload_idx ON e2e_bulk.measurement USING btree (payload, sensor)"));
            reviewer.script("[...document.querySelectorAll('h3')].find(h => h.textContent.trim() === 'Undo')"
                    + ".scrollIntoView({block: 'start'});");
            reviewer.shot("idx-05-drop-with-its-undo");
        }
        assertThat(STACK.targetQuery("SELECT indisvalid FROM pg_index WHERE indexrelid = 'e2e_bulk.measurement_payload_idx'::regclass"))
                .isTrue();
    }

    /** The change as the API shows it and what every other session on the target is doing. */
    private String whereItStands(String id) {
        StringBuilder report = new StringBuilder("change ").append(api.get("bob", "/api/changes/" + id).body());
        try (Connection connection = STACK.target(); Statement statement = connection.createStatement();
             ResultSet sessions = statement.executeQuery("SELECT pid, state, wait_event_type, wait_event,"
                     + " now() - xact_start AS in_transaction, left(query, 120) AS query FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (sessions.next()) {
                report.append("\nsession ").append(sessions.getInt("pid")).append(' ').append(sessions.getString("state"))
                        .append(" waits ").append(sessions.getString("wait_event_type")).append('/').append(sessions.getString("wait_event"))
                        .append(" for ").append(sessions.getString("in_transaction")).append(": ").append(sessions.getString("query"));
            }
        } catch (SQLException e) {
            report.append("\nsessions not read: ").append(e.getMessage());
        }
        return report.toString();
    }
}
