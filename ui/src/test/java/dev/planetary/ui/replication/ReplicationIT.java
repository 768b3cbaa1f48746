package dev.planetary.ui.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.replication.Replication.ForeignServer;
import dev.planetary.kernel.replication.Replication.Publication;
import dev.planetary.kernel.replication.Replication.Subscription;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.replication.SlotWatcher;
import dev.planetary.query.target.MetadataTargets;
import dev.planetary.testsupport.DebianPostgres;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.CronTarget;
import dev.planetary.ui.support.KaribuIT;
import dev.planetary.ui.support.ReplicationServers;
import dev.planetary.ui.support.TestStack;
import dev.planetary.ui.target.CurrentTarget;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replication on two real servers (Debian's PostgreSQL 15, wal_level = logical; the first registered as target
 * "cron"): a subscription replicates a row inserted on its publisher and shows its lag; publications show their row
 * filters and column lists, and a table whose UPDATE and DELETE would fail is flagged with the reason; a slot left
 * inactive is flagged, in the history and mailed to the target's operators once; a foreign server's user mapping
 * says a password is set and never shows it.
 */
class ReplicationIT extends KaribuIT {

    private static final String TARGET = CronTarget.ID;

    @Autowired
    private SlotWatcher watcher;
    @Autowired
    private MetadataTargets targets;

    @BeforeEach
    void servers() {
        CronTarget.ready(api);
        ReplicationServers.ready();
    }

    @Test
    void a_subscription_replicates_a_row_inserted_on_its_publisher_and_its_lag_is_shown() throws Exception {
        ReplicationServers.insertPrice(42, "9.99");
        await().atMost(Duration.ofSeconds(60)).until(() -> CronTarget.count("SELECT count(*) FROM app.repl_prices WHERE id = 42") == 1);
        JsonNode prices = await().atMost(Duration.ofSeconds(60)).until(() -> named(replication().path("subscriptions"), ReplicationServers.PRICES),
                subscription -> subscription.path("worker").path("lagMillis").isNumber());
        assertThat(prices.path("enabled").asBoolean()).isTrue();
        assertThat(prices.path("publications").toString()).contains("prices_out");
        assertThat(prices.path("tablesReady").asInt()).isEqualTo(1);
        assertThat(prices.path("worker").path("receivedLsn").asText()).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(prices.toString()).doesNotContain("port=", "host=");

        viewerOnTheReplicationPage();
        Grid<Subscription> subscriptions = grid("replication-subscriptions");
        Subscription shown = subscriptions.getGenericDataView().getItems().filter(s -> s.name().equals(ReplicationServers.PRICES))
                .findFirst().orElseThrow();
        assertThat(shown.state()).isEqualTo("streaming");
        assertThat(shown.worker().lagMillis()).isNotNull();
    }

    @Test
    void publications_show_row_filters_and_column_lists_and_a_table_whose_updates_would_fail_is_flagged() {
        JsonNode publications = replication().path("publications");
        JsonNode orders = named(publications, ReplicationServers.ORDERS).path("tables").get(0);
        assertThat(orders.path("name").asText()).isEqualTo("repl_orders");
        assertThat(orders.path("rowFilter").asText()).isEqualTo("(id > 0)");
        assertThat(orders.path("columns").toString()).isEqualTo("[\"id\",\"region\"]");
        assertThat(orders.path("identity").path("kind").asText()).isEqualTo("default");
        assertThat(orders.path("problem").isNull()).isTrue();
        JsonNode log = named(publications, ReplicationServers.LOG);
        assertThat(log.path("operations").toString()).isEqualTo("[\"insert\",\"update\",\"delete\",\"truncate\"]");
        assertThat(log.path("tables").get(0).path("problem").asText()).startsWith("no primary key to identify rows: UPDATE and DELETE");
        // the orders' subscriber streams from this server
        assertThat(StreamSupport.stream(replication().path("senders").spliterator(), false).map(s -> s.path("application").asText()))
                .contains("orders_in");

        viewerOnTheReplicationPage();
        Grid<Publication> grid = grid("replication-publications");
        Publication shown = grid.getGenericDataView().getItems().filter(p -> p.name().equals(ReplicationServers.LOG)).findFirst().orElseThrow();
        assertThat(shown.tablesWithProblems()).isEqualTo(1);
    }

    @Test
    void publications_are_created_changed_and_dropped_through_reviewed_changes_each_with_its_inverse() {
        Response refused = api.post("alice", "/api/changes", """
                {"target": "cron", "spec": {"kind": "create-publication", "name": "feed",
                 "tables": [{"table": {"schema": "app", "name": "repl_feed_log"}}]}}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("field").asText()).isEqualTo("spec.tables[0]");
        assertThat(refused.body().toString()).contains("app.repl_feed_log: no primary key to identify rows");

        CronTarget.applied(api, """
                {"kind": "create-publication", "name": "feed", "operations": ["insert", "update"],
                 "tables": [{"table": {"schema": "app", "name": "repl_feed"}, "columns": ["id", "region"], "rowFilter": "id > 100"}]}""");
        JsonNode feed = named(replication().path("publications"), "feed");
        assertThat(feed.path("operations").toString()).isEqualTo("[\"insert\",\"update\"]");
        assertThat(feed.path("tables").get(0).path("rowFilter").asText()).isEqualTo("(id > 100)");
        assertThat(feed.path("tables").get(0).path("columns").toString()).isEqualTo("[\"id\",\"region\"]");

        String altered = CronTarget.applied(api, """
                {"kind": "alter-publication", "name": "feed", "operations": ["insert"],
                 "addTables": [{"table": {"schema": "app", "name": "repl_feed_log"}}]}""");
        feed = named(replication().path("publications"), "feed");
        assertThat(feed.path("operations").toString()).isEqualTo("[\"insert\"]");
        assertThat(feed.path("tables").findValuesAsText("name")).containsExactly("repl_feed", "repl_feed_log");
        assertThat(inverse(altered)).containsExactly("ALTER PUBLICATION \"feed\" SET (publish = 'insert, update')",
                "ALTER PUBLICATION \"feed\" DROP TABLE \"app\".\"repl_feed_log\"");

        String dropped = CronTarget.applied(api, "{\"kind\": \"drop-publication\", \"name\": \"feed\"}");
        assertThat(replication().path("publications").findValuesAsText("name")).doesNotContain("feed");
        assertThat(inverse(dropped)).containsExactly("CREATE PUBLICATION \"feed\" FOR TABLE \"app\".\"repl_feed\" (\"id\", \"region\")"
                + " WHERE ((id > 100)), \"app\".\"repl_feed_log\" WITH (publish = 'insert')");
    }

    @Test
    void an_unused_slot_is_dropped_through_a_reviewed_change_and_one_in_use_is_refused() {
        // a standby's slot left behind, reserving no WAL yet (so it is never at risk meanwhile)
        DebianPostgres.server().execute(DebianPostgres.CRON_DATABASE, "SELECT pg_create_physical_replication_slot('stale_standby')");
        Response refused = api.post("alice", "/api/changes", """
                {"target": "cron", "spec": {"kind": "drop-replication-slot", "slot": "orders_in"}}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("field").asText()).isEqualTo("spec.slot");
        assertThat(refused.body().toString()).contains("replication slot orders_in is in use");

        String dropped = CronTarget.applied(api, "{\"kind\": \"drop-replication-slot\", \"slot\": \"stale_standby\"}");
        assertThat(replication().path("slots").findValuesAsText("name")).doesNotContain("stale_standby").contains("orders_in");
        assertThat(api.get("victor", "/api/history?target=" + TARGET + "&object=stale_standby").body().findValuesAsText("changeId"))
                .contains(dropped);
    }

    @Test
    void an_operator_tests_a_foreign_server_reading_no_row_and_the_history_keeps_the_outcome() throws Exception {
        String server = ReplicationServers.REACHABLE_SERVER;
        Response reached = api.post("bob", "/api/replication/foreign-servers/" + server + "/test?target=" + TARGET, "{}");
        assertThat(reached.status()).as(reached.toString()).isEqualTo(200);
        assertThat(reached.body().path("reached").asBoolean()).as(reached.toString()).isTrue();
        assertThat(reached.body().path("login").asText()).isEqualTo("planetary_ddl");

        Response unreachable = api.post("bob", "/api/replication/foreign-servers/" + ReplicationServers.FOREIGN_SERVER + "/test?target="
                + TARGET, "{}");
        assertThat(unreachable.body().path("reached").asBoolean()).isFalse();
        assertThat(unreachable.body().path("message").asText()).contains("permission denied for foreign server warehouse");
        assertThat(unreachable.toString()).doesNotContain(ReplicationServers.FDW_PASSWORD);
        assertThat(api.post("alice", "/api/replication/foreign-servers/" + server + "/test?target=" + TARGET, "{}").status())
                .isEqualTo(403);
        Response missing = api.post("bob", "/api/replication/foreign-servers/nowhere/test?target=" + TARGET, "{}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("field").asText()).isEqualTo("server");

        JsonNode history = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("victor", "/api/history?target=" + TARGET
                + "&object=" + server + "&event=fdw-reached").body(), h -> h.size() > 0);
        assertThat(history.get(0).path("actor").asText()).isEqualTo("bob");
        assertThat(CronTarget.count("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'planetary_probe_%'"))
                .as("the test leaves nothing behind").isZero();
    }

    @Test
    void a_foreign_server_nothing_uses_is_dropped_with_its_mappings_and_one_with_foreign_tables_is_refused() {
        DebianPostgres.server().execute(DebianPostgres.CRON_DATABASE, "SET planetary.change_id = 'planetary-bookkeeping'",
                "CREATE SERVER retired_link FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'old.internal', dbname 'old')",
                "ALTER SERVER retired_link OWNER TO planetary_ddl",
                "CREATE USER MAPPING FOR planetary_ddl SERVER retired_link OPTIONS (user 'reader')",
                "CREATE SERVER used_link FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'old.internal')",
                "CREATE FOREIGN TABLE app.used_rows (id int) SERVER used_link");
        Response refused = api.post("alice", "/api/changes", """
                {"target": "cron", "spec": {"kind": "drop-foreign-server", "server": "used_link"}}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("field").asText()).isEqualTo("spec.server");
        assertThat(refused.body().toString()).contains("1 foreign table uses used_link");

        String dropped = CronTarget.applied(api, "{\"kind\": \"drop-foreign-server\", \"server\": \"retired_link\"}");
        assertThat(replication().path("foreignServers").findValuesAsText("name")).doesNotContain("retired_link").contains("used_link");
        assertThat(inverse(dropped)).containsExactly(
                "CREATE SERVER \"retired_link\" FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host E'old.internal', dbname E'old')",
                "CREATE USER MAPPING FOR \"planetary_ddl\" SERVER \"retired_link\" OPTIONS (user E'reader')");
    }

    @Test
    void the_form_shows_why_a_table_is_refused_on_its_row_as_it_is_filled() {
        signIn("alice", PlanetaryRight.REQUESTER);
        CurrentTarget.choose(TargetId.of(TARGET));
        UI.getCurrent().navigate("propose", QueryParameters.simple(Map.of("kind", "create-publication")));
        _setValue(_get(TextField.class, t -> t.withId("create-publication-name")), "log_feed");
        _setValue(rowCombo("Schema"), "app");
        _setValue(rowCombo("Table"), "repl_feed_log");

        // checked against the target's catalog as the form is filled: the reason on the row, nothing to propose
        ComboBox<String> table = rowCombo("Table");
        assertThat(table.isInvalid()).isTrue();
        assertThat(table.getErrorMessage()).contains("app.repl_feed_log: no primary key to identify rows");
        assertThat(_get(Button.class, b -> b.withId("propose")).isEnabled()).isFalse();

        // inserts only need no identity: the form proposes
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> operations = _get(CheckboxGroup.class, c -> c.withId("create-publication-operations"));
        _setValue(operations, Set.of("insert"));
        assertThat(table.isInvalid()).isFalse();
        assertThat(_get(Button.class, b -> b.withId("propose")).isEnabled()).isTrue();
    }

    /** A field of the form's first table row, by its aria label (the row's fields carry no label of their own). */
    @SuppressWarnings("unchecked")
    private static ComboBox<String> rowCombo(String ariaLabel) {
        return _find(ComboBox.class).stream().filter(c -> c.getAriaLabel().filter(ariaLabel::equals).isPresent()).findFirst()
                .orElseThrow();
    }

    private List<String> inverse(String changeId) {
        return StreamSupport.stream(api.get("victor", "/api/changes/" + changeId).body().path("plan").path("inverse").spliterator(), false)
                .map(statement -> statement.path("sql").asText()).toList();
    }

    @Test
    void a_slot_left_inactive_is_flagged_in_the_history_and_mailed_to_the_targets_operators_once() throws Exception {
        JsonNode forgotten = await().atMost(Duration.ofSeconds(30)).until(() -> named(replication().path("slots"), ReplicationServers.FORGOTTEN),
                slot -> !slot.path("risk").isNull());
        assertThat(forgotten.path("active").asBoolean()).isFalse();
        assertThat(forgotten.path("risk").asText()).startsWith("inactive and holding").endsWith("the disk fills until it is used or dropped");
        JsonNode used = named(replication().path("slots"), "orders_in");
        assertThat(used.path("active").asBoolean()).isTrue();
        assertThat(used.path("risk").isNull()).isTrue();

        String subject = "[Planetary] Replication slot " + ReplicationServers.FORGOTTEN + " at risk on " + TARGET;
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(30)).until(() -> TestStack.mails(subject), found -> !found.isEmpty());
        assertThat(GreenMailUtil.getBody(mails.get(0))).contains("inactive and holding", "/replication?target=" + TARGET);
        JsonNode history = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("victor", "/api/history?target=" + TARGET
                + "&object=" + ReplicationServers.FORGOTTEN + "&event=slot-at-risk").body(), h -> h.size() > 0);
        assertThat(history.get(0).path("summary").asText()).startsWith("Replication slot forgotten_slot is at risk: inactive");
        // looked at again while it is still at risk: reported once
        watcher.watch(targets.get(TargetId.of(TARGET)));
        watcher.watch(targets.get(TargetId.of(TARGET)));
        assertThat(STACK.count(STACK.control(), "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%SlotAtRiskEvent'"))
                .isEqualTo(1);

        viewerOnTheReplicationPage();
        assertThat(_get(Div.class, d -> d.withId("replication-risk-" + ReplicationServers.FORGOTTEN)).getText())
                .contains("Slot forgotten_slot is at risk: inactive and holding");
        assertThat(_get(Span.class, s -> s.withId("replication-summary")).getText()).contains("wal_level logical", "(1 at risk)");
    }

    @Test
    void a_foreign_servers_user_mapping_says_a_password_is_set_and_never_shows_it() {
        Grid<ForeignServer> servers;
        JsonNode answer = replication();
        assertThat(answer.toString()).doesNotContain(ReplicationServers.FDW_PASSWORD);
        JsonNode warehouse = named(answer.path("foreignServers"), ReplicationServers.FOREIGN_SERVER);
        assertThat(warehouse.path("wrapper").asText()).isEqualTo("postgres_fdw");
        assertThat(warehouse.path("options").toString()).contains("host=127.0.0.1", "dbname=warehouse");
        JsonNode mapping = warehouse.path("mappings").get(0);
        assertThat(mapping.path("localRole").asText()).isEqualTo("planetary_meta");
        assertThat(mapping.path("remoteUser").asText()).isEqualTo("warehouse_reader");
        assertThat(mapping.path("password").asBoolean()).isTrue();

        viewerOnTheReplicationPage();
        servers = grid("replication-foreign-servers");
        assertThat(servers.getGenericDataView().getItems().map(ForeignServer::name)).contains(ReplicationServers.FOREIGN_SERVER);
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain(ReplicationServers.FDW_PASSWORD);
    }

    private JsonNode replication() {
        return api.get("victor", "/api/replication?target=" + TARGET).body();
    }

    private static JsonNode named(JsonNode items, String name) {
        return StreamSupport.stream(items.spliterator(), false).filter(item -> name.equals(item.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + items));
    }

    private void viewerOnTheReplicationPage() {
        signIn("victor", PlanetaryRight.VIEWER);
        CurrentTarget.choose(TargetId.of(TARGET));
        UI.getCurrent().navigate(ReplicationView.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, g -> g.withId(id));
    }
}
