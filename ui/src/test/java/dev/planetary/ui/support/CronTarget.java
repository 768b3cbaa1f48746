package dev.planetary.ui.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.embedded.PostgresServer;
import dev.planetary.testsupport.DebianPostgres;
import dev.planetary.ui.embedded.DemoTarget;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A target with pg_cron, once per JVM: the demo schema in {@value DebianPostgres#CRON_DATABASE} on Debian's
 * PostgreSQL 15 (pg_cron preloaded), set up as the compose target is (the executor may alter its own jobs,
 * the metadata login reads every job), registered as target {@value #ID} through the API (its logins by named
 * credential), with two jobs scheduled through approved changes: "tick" (inserts a row every minute) and
 * "divide" (fails every minute), so their first runs come in the same minute for every test that waits; bob, an
 * operator there, has an e-mail address before "divide" first fails.
 */
public final class CronTarget {

    public static final String ID = "cron";
    private static PostgresServer server;
    private static String tickChange;
    private static RuntimeException failed;

    private CronTarget() {
    }

    /** The target, ready: skips (fails under .ci/run) where Debian's PostgreSQL or pg_cron is not installed. */
    public static synchronized void ready(Api api) {
        DebianPostgres.assumeInstalled("pg_cron");
        if (failed != null) {
            throw new IllegalStateException("the cron target could not be set up earlier in this JVM", failed);
        }
        if (tickChange == null) {
            try {
                setUp(api);
            } catch (RuntimeException | AssertionError e) {
                failed = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                throw e;
            }
        }
    }

    private static void setUp(Api api) {
        server = DebianPostgres.server();
        String database = DebianPostgres.CRON_DATABASE;
        server.execute("postgres", "CREATE DATABASE " + database);
        DemoTarget.install(server, database, DemoTarget.newServiceLogins());
        // set up as an operator's install script would, claimed as bookkeeping so the drift recorder does not report it
        server.execute(database, "SET planetary.change_id = 'planetary-bookkeeping'", "CREATE EXTENSION pg_cron", "GRANT USAGE ON SCHEMA cron TO planetary_ddl, planetary_meta",
                // pg_cron shows each login its own jobs: the metadata login is let read them all
                "CREATE POLICY planetary_reads_jobs ON cron.job FOR SELECT TO planetary_meta USING (true)",
                "CREATE POLICY planetary_reads_runs ON cron.job_run_details FOR SELECT TO planetary_meta USING (true)",
                // pg_cron 1.4 keeps alter_job from PUBLIC; it still lets a login change its own jobs only
                "GRANT EXECUTE ON FUNCTION cron.alter_job(bigint, text, text, text, text, boolean) TO planetary_ddl",
                "SET ROLE planetary_ddl", "CREATE TABLE app.job_tick (at timestamptz NOT NULL DEFAULT now())");
        register(api);
        // an operator of the target with an address, before "divide" first fails: its failure is mailed to him
        assertThat(api.put("bob", "/api/me/profile", "{\"displayName\": \"Bob\", \"email\": \"bob@example.test\"}").status())
                .isEqualTo(200);
        tickChange = applied(api, """
                {"kind": "schedule-job", "name": "tick", "schedule": "* * * * *", "command": "INSERT INTO app.job_tick DEFAULT VALUES"}""");
        applied(api, """
                {"kind": "schedule-job", "name": "divide", "schedule": "* * * * *", "command": "SELECT 1 / 0"}""");
    }

    /** The change that scheduled "tick". */
    public static String tickChange() {
        return tickChange;
    }

    private static void register(Api api) {
        Api.Response asked = api.post("bob", "/api/targets", """
                {"target": "%s", "name": "Cron", "environment": "staging", "colour": "#885500",
                 "url": "%s", "metadataLogin": "spare-meta", "ddlLogin": "spare-ddl"}"""
                .formatted(ID, server.jdbcUrl(DebianPostgres.CRON_DATABASE)));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        JsonNode tested = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("victor", "/api/targets/registrations/" + ID)
                .body(), view -> !view.path("testing").asBoolean() && view.path("test").isObject());
        assertThat(tested.path("test").path("checks").findValuesAsText("outcome")).as(tested.toString()).doesNotContain("FAILED");
        Api.Response approved = api.post("carol", "/api/targets/registrations/" + ID + "/approval", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("victor", "/api/targets").body().findValuesAsText("id").contains(ID));
    }

    /** Proposed on this target by alice, approved by bob (and carol, for high risk), applied: its id. */
    public static String applied(Api api, String spec) {
        Api.Response proposed = api.post("alice", "/api/changes", "{\"target\": \"" + ID + "\", \"spec\": " + spec + "}");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String id = proposed.body().path("id").asText();
        api.approve("bob", id);
        if (proposed.body().path("requiredApprovals").asInt() > 1) {
            api.approve("carol", id);
        }
        JsonNode change = api.awaitStatus(id, "APPLIED");
        assertThat(change.path("status").asText()).as(change.toString()).isEqualTo("APPLIED");
        return id;
    }

    public static long count(String sql) throws Exception {
        try (Connection connection = server.connect(DebianPostgres.CRON_DATABASE); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
