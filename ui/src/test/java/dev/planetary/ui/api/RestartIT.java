package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.command.apply.DdlExecutor;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.command.ExecuteChangeCommand;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.Instances;
import dev.planetary.ui.support.TestStack;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Planetary stops in the middle of an apply and starts again on the same databases: the change is
 * resumed and applied exactly once, and delivering its command again applies nothing.
 */
class RestartIT {

    private static final TestStack STACK = TestStack.create("restart");

    /**
     * Each application context installs its own security-context strategy in the static
     * SecurityContextHolder (Vaadin's); the JVM's shared test context must get its own back when
     * the contexts started here have closed, or later tests would read an empty security context.
     */
    private static final SecurityContextHolderStrategy SHARED_CONTEXTS_STRATEGY = SecurityContextHolder.getContextHolderStrategy();

    @AfterAll
    static void restoreSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(SHARED_CONTEXTS_STRATEGY);
    }

    private static ConfigurableApplicationContext start() {
        return start(Map.of());
    }

    private static ConfigurableApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        // Long enough for the application to be stopped while the apply waits for the lock.
        properties.put("planetary.target.lock-timeout", "60s");
        return Instances.start(STACK, properties);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return Instances.api(context);
    }

    @Test
    void a_change_interrupted_mid_apply_is_applied_once_after_a_restart() throws Exception {
        STACK.asOwner("CREATE TABLE app.restart_probe (id int, updated_at timestamptz)");
        String id;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            // CREATE TRIGGER fails when run twice, so a second execution could not go unnoticed.
            JsonNode proposed = api.propose("alice", """
                    {"kind":"create-trigger","table":{"schema":"app","name":"restart_probe"},"name":"restart_stamp",
                     "timing":"BEFORE","events":["INSERT"],"function":{"schema":"app","name":"touch_updated_at"}}""");
            id = proposed.path("id").asText();
            assertThat(proposed.path("dryRunStatus").asText()).isEqualTo("PASSED");

            try (Connection holder = STACK.target(); Statement statement = holder.createStatement()) {
                holder.setAutoCommit(false);
                statement.execute("LOCK TABLE app.restart_probe IN ACCESS EXCLUSIVE MODE");
                api.approve("bob", id);
                assertThat(api.awaitStatus(id, "APPLYING").path("status").asText()).isEqualTo("APPLYING");
                first.close(); // stops while the apply waits for the lock
                holder.rollback();
            }
        }
        assertThat(outcomeEvents(id)).as("no outcome was recorded by the stopped application").isZero();
        assertThat(STACK.count(STACK.target(), "SELECT count(*) FROM pg_trigger WHERE tgname = 'restart_stamp'")).isZero();

        // The periodic reconciler is pushed out of the way: only the resume at start can apply it in time.
        try (ConfigurableApplicationContext second = start(Map.of("planetary.apply.reconcile-every", "PT10M"))) {
            long ready = System.nanoTime();
            Api api = api(second);
            JsonNode applied = api.awaitStatus(id, "APPLIED");
            System.out.printf("RestartIT: the interrupted change was applied %d ms after the restarted application was ready%n",
                    (System.nanoTime() - ready) / 1_000_000);
            assertThat(applied.path("status").asText()).as(applied.toString()).isEqualTo("APPLIED");
            assertThat(STACK.count(STACK.target(), "SELECT count(*) FROM pg_trigger WHERE tgname = 'restart_stamp'")).isEqualTo(1);
            assertThat(ledgerRows(id)).isEqualTo(1);

            // The command delivered again, as after a redelivery: nothing runs, nothing is recorded.
            long eventsBefore = events(id);
            second.getBean(CommandGateway.class).sendAndWait(new ExecuteChangeCommand(ChangeId.of(id)));
            DdlExecutor executor = second.getBean(DdlExecutor.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> !executor.busyWith(ChangeId.of(id)));
            assertThat(events(id)).isEqualTo(eventsBefore);
            assertThat(ledgerRows(id)).isEqualTo(1);
            assertThat(outcomeEvents(id)).isEqualTo(1);
        }
    }

    @Test
    void a_target_registered_at_run_time_is_in_use_again_after_a_restart() {
        String database = TestStack.STAGING.spareDatabase("restart_registered");
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            assertThat(api.post("bob", "/api/targets", """
                    {"target": "kept", "environment": "staging", "url": "%s", "metadataLogin": "spare-meta", "ddlLogin": "spare-ddl"}"""
                    .formatted(TestStack.STAGING.server().jdbcUrl(database))).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.post("carol", "/api/targets/registrations/kept/approval", "{}")
                    .status() == 200);
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            // Read from the registrations as the application starts: listed and readable at once.
            assertThat(api.get("victor", "/api/targets").body().findValuesAsText("id")).contains("kept");
            assertThat(api.get("victor", "/api/catalog/tables?target=kept&schema=app").body().findValuesAsText("name"))
                    .containsExactly("region");
            JsonNode proposed = api.post("alice", "/api/changes", """
                    {"target": "kept", "spec": {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                     "table":{"schema":"app","name":"region"},"grantee":"app_reader"}}""").body();
            assertThat(proposed.path("dryRunStatus").asText()).as("the command side changes it too: " + proposed).isEqualTo("PASSED");
        }
    }

    private static long events(String id) throws Exception {
        return STACK.count(STACK.control(), "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + id + "'");
    }

    private static long outcomeEvents(String id) throws Exception {
        return STACK.count(STACK.control(), "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + id
                + "' AND (payload_type LIKE '%ChangeAppliedEvent' OR payload_type LIKE '%ChangeFailedEvent')");
    }

    private static long ledgerRows(String id) throws Exception {
        return STACK.count(STACK.target(), "SELECT count(*) FROM planetary.applied_change WHERE change_id = '" + id + "'");
    }
}
