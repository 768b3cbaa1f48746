package dev.planetary.ui.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.PlanetaryIT;
import dev.planetary.ui.support.TestStack;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DDL run by hand on the target (as psql would: a plain connection, no Planetary) shows up as
 * drift on the timeline within seconds and is mailed to operators; an applied change does not.
 */
class DriftIT extends PlanetaryIT {

    @Test
    void ddl_run_by_hand_is_drift_and_an_applied_change_is_not() throws Exception {
        assertThat(api.put("bob", "/api/me/profile", "{\"displayName\": \"Bob\", \"email\": \"bob@example.test\"}").status())
                .isEqualTo(200);
        byHand("CREATE TABLE app.by_hand (id int)");
        JsonNode drift = awaitHistory("app.by_hand", "drift");
        assertThat(drift).as("drift on the timeline").isNotNull();
        assertThat(drift.path("summary").asText()).contains("CREATE TABLE", "app.by_hand", "outside Planetary");
        assertThat(awaitMail("[Planetary] Drift: CREATE TABLE app.by_hand")).isNotNull();

        // Revert: a reviewed change drops what was created by hand; adopt: a reviewed change that runs nothing.
        JsonNode revert = api.propose("alice", "{\"kind\": \"revert-drift\", \"driftId\": \"" + drift.path("changeId").asText()
                + "\", \"objectType\": \"TABLE\", \"identity\": \"app.by_hand\"}");
        assertThat(revert.path("dryRunStatus").asText()).isEqualTo("PASSED");
        api.approve("bob", revert.path("id").asText());
        api.approve("carol", revert.path("id").asText());
        assertThat(api.awaitStatus(revert.path("id").asText(), "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        assertThat(STACK.targetQuery("SELECT to_regclass('app.by_hand') IS NULL")).isTrue();
        JsonNode adopt = api.propose("alice", "{\"kind\": \"adopt-drift\", \"driftId\": \"" + drift.path("changeId").asText()
                + "\", \"reason\": \"made during the incident\"}");
        api.approve("bob", adopt.path("id").asText());
        assertThat(api.awaitStatus(adopt.path("id").asText(), "APPLIED").path("plan").path("statements").size()).isZero();

        STACK.asOwner("CREATE TABLE app.by_change (id int)");
        String id = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"by_change"},"grantee":"karen"}""").path("id").asText();
        api.approve("bob", id);
        api.awaitStatus(id, "APPLIED");
        assertThat(STACK.targetQuery("SELECT count(*) = 1 FROM planetary.ddl_log WHERE change_id = '" + id + "'"))
                .as("the apply was recorded, marked with its change").isTrue();
        awaitWatcherPast("SELECT max(id) FROM planetary.ddl_log WHERE change_id = '" + id + "'");
        JsonNode history = api.get("victor", "/api/history?object=app.by_change&event=drift").body();
        assertThat(history.findValuesAsText("summary")).noneMatch(s -> s.contains("GRANT"));
    }

    @Test
    void planetarys_own_set_up_on_a_fresh_target_is_not_drift() throws Exception {
        STACK.asOwner("CREATE TABLE IF NOT EXISTS app.bookkeeping_probe (id int)");
        String id = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"bookkeeping_probe"},"grantee":"karen"}""").path("id").asText();
        api.approve("bob", id);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        // The first apply in this JVM set the ledger up (REVOKE ALL ON SCHEMA planetary ...): marked as bookkeeping.
        assertThat(STACK.targetQuery("SELECT count(*) > 0 FROM planetary.ddl_log WHERE change_id = 'planetary-bookkeeping'"))
                .isTrue();
        assertThat(STACK.targetQuery("SELECT count(*) = 0 FROM planetary.ddl_log"
                + " WHERE change_id IS NULL AND statement ILIKE '%schema planetary%'")).isTrue();
        awaitWatcherPast("SELECT max(id) FROM planetary.ddl_log");
        JsonNode drift = api.get("victor", "/api/history?event=drift").body();
        assertThat(drift.findValuesAsText("summary")).noneMatch(s -> s.contains("planetary"));
    }

    /** Waits until the drift watcher has read the DDL log up to the row {@code maxIdQuery} finds. */
    private static void awaitWatcherPast(String maxIdQuery) throws Exception {
        long target;
        try (Connection connection = STACK.target(); Statement sql = connection.createStatement();
             java.sql.ResultSet rows = sql.executeQuery(maxIdQuery)) {
            rows.next();
            target = rows.getLong(1);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            try (Connection control = STACK.control(); Statement sql = control.createStatement();
                 java.sql.ResultSet rows = sql.executeQuery("SELECT coalesce(max(last_id), 0) FROM drift_watermark WHERE target = 'default'")) {
                rows.next();
                return rows.getLong(1) >= target;
            }
        });
    }

    /** Runs DDL the way a DBA would: with psql (installed by .ci/run), or over JDBC where psql is missing. */
    private static void byHand(String ddl) throws Exception {
        java.nio.file.Path psql = java.nio.file.Path.of("/usr/bin/psql");
        if (java.nio.file.Files.isExecutable(psql)) {
            ProcessBuilder command = new ProcessBuilder(psql.toString(), "-h", STACK.server.host(), "-p",
                    String.valueOf(STACK.server.port()), "-U", STACK.server.superuser(), "-d", STACK.targetDatabase,
                    "-v", "ON_ERROR_STOP=1", "-c", ddl).redirectErrorStream(true);
            command.environment().put("PGPASSWORD", STACK.server.superuserPassword());
            Process process = command.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(output).isZero();
            return;
        }
        try (Connection connection = STACK.target(); Statement sql = connection.createStatement()) {
            sql.execute(ddl);
        }
    }

    private JsonNode awaitHistory(String object, String event) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode entry : api.get("victor", "/api/history?object=" + object).body()) {
                if (event.equals(entry.path("event").asText())) {
                    return entry;
                }
            }
            Thread.sleep(200);
        }
        return null;
    }

    private static MimeMessage awaitMail(String subject) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : TestStack.mail().getReceivedMessages()) {
                if (subject.equals(message.getSubject())) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        return null;
    }
}
