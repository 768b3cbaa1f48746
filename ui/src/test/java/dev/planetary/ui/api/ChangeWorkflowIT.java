package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The life of a change through the REST API, checked in PostgreSQL itself. */
class ChangeWorkflowIT extends PlanetaryIT {

    private static final String GRANT_SELECT_ON_CUSTOMER_TO_KAREN = """
            {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
             "table":{"schema":"app","name":"customer"},"grantee":"karen"}""";

    @Test
    void a_grant_proposed_by_a_requester_and_approved_by_a_reviewer_is_applied() throws Exception {
        assertThat(STACK.targetQuery("SELECT has_table_privilege('karen', 'app.customer', 'SELECT')")).isFalse();

        JsonNode proposed = api.propose("alice", GRANT_SELECT_ON_CUSTOMER_TO_KAREN);
        assertThat(proposed.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(proposed.path("dryRunStatus").asText()).isEqualTo("PASSED");
        assertThat(proposed.path("risk").asText()).isEqualTo("LOW");
        assertThat(proposed.path("plan").path("statements").get(0).path("sql").asText())
                .isEqualTo("GRANT SELECT ON TABLE \"app\".\"customer\" TO \"karen\"");
        assertThat(STACK.targetQuery("SELECT has_table_privilege('karen', 'app.customer', 'SELECT')"))
                .as("the dry-run must not leave the grant behind").isFalse();

        String id = proposed.path("id").asText();
        Response approval = api.approve("bob", id);
        assertThat(approval.status()).isEqualTo(200);

        JsonNode applied = api.awaitStatus(id, "APPLIED");
        assertThat(applied.path("status").asText()).isEqualTo("APPLIED");
        assertThat(STACK.targetQuery("SELECT has_table_privilege('karen', 'app.customer', 'SELECT')")).isTrue();

        List<String> events = new ArrayList<>();
        api.get("victor", "/api/changes/" + id + "/history").body().forEach(e -> events.add(e.path("event").asText()));
        assertThat(events).containsExactly("proposed", "dry-run-passed", "approval", "approved", "applying", "applied");
        assertThat(api.get("victor", "/api/history?object=app.customer").body().findValuesAsText("changeId")).contains(id);
    }

    @Test
    void a_policy_is_created_and_enforced_for_a_role_that_queries_the_table() throws Exception {
        STACK.asOwner("CREATE TABLE app.ledger (id int PRIMARY KEY, tenant_id text NOT NULL, amount int NOT NULL)",
                "INSERT INTO app.ledger VALUES (1, 'acme', 10), (2, 'acme', 20), (3, 'globex', 30)");
        applied("alice", """
                {"kind":"schema-privilege","action":"GRANT","privileges":["USAGE"],"schema":"app","grantee":"karen"}""", "bob");
        applied("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"ledger"},"grantee":"karen"}""", "bob");
        applied("alice", """
                {"kind":"row-security","table":{"schema":"app","name":"ledger"},"action":"ENABLE"}""", "bob");
        applied("alice", """
                {"kind":"create-policy","table":{"schema":"app","name":"ledger"},"name":"tenant isolation",
                 "command":"SELECT","roles":["karen"],
                 "using":"tenant_id = current_setting('app.tenant_id', true)"}""", "carol");

        assertThat(STACK.targetQuery("SELECT count(*) = 1 FROM pg_policies WHERE tablename = 'ledger' "
                + "AND policyname = 'tenant isolation' AND cmd = 'SELECT' AND roles = '{karen}'")).isTrue();
        try (Connection karen = STACK.targetAs("karen", "demo-karen"); Statement statement = karen.createStatement()) {
            statement.execute("SET app.tenant_id = 'acme'");
            assertThat(ids(statement, "SELECT id FROM app.ledger ORDER BY id")).containsExactly(1, 2);
            statement.execute("SET app.tenant_id = 'globex'");
            assertThat(ids(statement, "SELECT id FROM app.ledger ORDER BY id")).containsExactly(3);
            statement.execute("RESET app.tenant_id");
            assertThat(ids(statement, "SELECT id FROM app.ledger")).isEmpty();
        }
    }

    @Test
    void a_trigger_is_created_and_fires() throws Exception {
        STACK.asOwner("CREATE TABLE app.stamped (id int PRIMARY KEY, updated_at timestamptz NOT NULL)",
                "INSERT INTO app.stamped VALUES (1, '2000-01-01')");
        JsonNode change = applied("alice", """
                {"kind":"create-trigger","table":{"schema":"app","name":"stamped"},"name":"stamp",
                 "timing":"BEFORE","events":["UPDATE"],"level":"ROW",
                 "function":{"schema":"app","name":"touch_updated_at"}}""", "bob");
        assertThat(change.path("plan").path("inverse").get(0).path("sql").asText())
                .isEqualTo("DROP TRIGGER \"stamp\" ON \"app\".\"stamped\"");

        STACK.server.execute(STACK.targetDatabase, "UPDATE app.stamped SET updated_at = '2000-01-01' WHERE id = 1");
        assertThat(STACK.targetQuery("SELECT updated_at > now() - interval '1 minute' FROM app.stamped WHERE id = 1"))
                .as("the trigger replaced the stale timestamp").isTrue();
    }

    @Test
    void a_high_risk_change_needs_two_approvals() throws Exception {
        STACK.asOwner("CREATE TABLE app.revocable (id int)", "GRANT SELECT ON app.revocable TO karen");
        JsonNode proposed = api.propose("alice", """
                {"kind":"table-privilege","action":"REVOKE","privileges":["SELECT"],
                 "table":{"schema":"app","name":"revocable"},"grantee":"karen"}""");
        String id = proposed.path("id").asText();
        assertThat(proposed.path("risk").asText()).isEqualTo("HIGH");
        assertThat(proposed.path("requiredApprovals").asInt()).isEqualTo(2);

        JsonNode afterOne = api.approve("bob", id).body();
        assertThat(afterOne.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(afterOne.path("approvals")).hasSize(1);
        assertThat(api.approve("bob", id).code()).as("the same reviewer twice").isEqualTo("already_approved");
        assertThat(STACK.targetQuery("SELECT has_table_privilege('karen', 'app.revocable', 'SELECT')")).isTrue();

        api.approve("carol", id);
        api.awaitStatus(id, "APPLIED");
        assertThat(STACK.targetQuery("SELECT has_table_privilege('karen', 'app.revocable', 'SELECT')")).isFalse();
    }

    @Test
    void the_requester_cannot_approve_their_own_change() {
        // dave may both propose and review, but never his own change
        String id = api.propose("dave", GRANT_SELECT_ON_CUSTOMER_TO_KAREN).path("id").asText();

        Response ownApproval = api.approve("dave", id);

        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.code()).isEqualTo("self_review");
        assertThat(api.get("dave", "/api/changes/" + id).body().path("approvals")).isEmpty();
    }

    @Test
    void a_requester_without_the_reviewer_right_cannot_approve() {
        String id = api.propose("dave", GRANT_SELECT_ON_CUSTOMER_TO_KAREN).path("id").asText();

        Response approval = api.approve("alice", id);

        assertThat(approval.status()).isEqualTo(403);
        assertThat(approval.code()).isEqualTo("forbidden");
    }

    @Test
    void a_viewer_cannot_propose_and_nothing_is_stored() throws Exception {
        // Proposals only: an earlier test's apply may still be recording its outcome meanwhile.
        String proposals = "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ChangeProposedEvent'";
        long before = STACK.count(STACK.control(), proposals);
        Response response = api.post("victor", "/api/changes", "{\"spec\":" + GRANT_SELECT_ON_CUSTOMER_TO_KAREN + "}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
        assertThat(STACK.count(STACK.control(), proposals)).isEqualTo(before);
    }

    @Test
    void a_failed_dry_run_is_recorded_and_blocks_approval_until_revised() {
        JsonNode proposed = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"no_such_table"},"grantee":"karen"}""");
        String id = proposed.path("id").asText();
        assertThat(proposed.path("dryRunStatus").asText()).isEqualTo("FAILED");
        assertThat(proposed.path("dryRun").path("error").path("sqlState").asText()).isEqualTo("42P01");
        assertThat(proposed.path("dryRun").path("error").path("message").asText()).contains("no_such_table");

        Response approval = api.approve("bob", id);
        assertThat(approval.status()).isEqualTo(409);
        assertThat(approval.code()).isEqualTo("dry_run_not_passed");

        Response revised = api.post("alice", "/api/changes/" + id + "/revisions", "{\"spec\":" + GRANT_SELECT_ON_CUSTOMER_TO_KAREN + "}");
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.body().path("revision").asInt()).isEqualTo(2);
        assertThat(revised.body().path("dryRunStatus").asText()).isEqualTo("PASSED");
        assertThat(api.approve("bob", id).status()).isEqualTo(200);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
    }

    @Test
    void an_apply_blocked_by_a_lock_past_lock_timeout_fails_with_its_sqlstate() throws Exception {
        STACK.asOwner("CREATE TABLE app.busy (id int)");
        JsonNode proposed = api.propose("alice", """
                {"kind":"row-security","table":{"schema":"app","name":"busy"},"action":"ENABLE"}""");
        String id = proposed.path("id").asText();
        assertThat(proposed.path("dryRunStatus").asText()).isEqualTo("PASSED");

        JsonNode failed;
        try (Connection holder = STACK.target(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE app.busy IN ACCESS EXCLUSIVE MODE");
            api.approve("bob", id);
            failed = api.awaitStatus(id, "FAILED");
            holder.rollback();
        }
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("failure").path("sqlState").asText()).isEqualTo("55P03");
        assertThat(failed.path("failure").path("message").asText()).contains("lock timeout");
        assertThat(STACK.targetQuery("SELECT relrowsecurity FROM pg_class WHERE oid = 'app.busy'::regclass")).isFalse();
        List<String> events = new ArrayList<>();
        api.get("alice", "/api/changes/" + id + "/history").body().forEach(e -> events.add(e.path("event").asText()));
        assertThat(events).endsWith("applying", "failed");
    }

    @Test
    void a_reviewer_rejects_with_a_reason_and_the_change_stops() {
        String id = api.propose("alice", GRANT_SELECT_ON_CUSTOMER_TO_KAREN).path("id").asText();

        Response noReason = api.post("bob", "/api/changes/" + id + "/rejections", "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("field").asText()).isEqualTo("reason");

        Response rejected = api.post("bob", "/api/changes/" + id + "/rejections", "{\"reason\":\"use the view instead\"}");
        assertThat(rejected.body().path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.body().path("rejection").path("reason").asText()).isEqualTo("use the view instead");

        Response late = api.approve("carol", id);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("wrong_state");
    }

    @Test
    void only_the_requester_withdraws() {
        String id = api.propose("alice", GRANT_SELECT_ON_CUSTOMER_TO_KAREN).path("id").asText();
        Response byOther = api.post("bob", "/api/changes/" + id + "/withdrawal", "{}");
        assertThat(byOther.status()).as("bob is not a requester").isEqualTo(403);

        Response withdrawn = api.post("alice", "/api/changes/" + id + "/withdrawal", "{\"reason\":\"not needed\"}");
        assertThat(withdrawn.body().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api.get("bob", "/api/changes?status=PROPOSED").body().findValuesAsText("id")).doesNotContain(id);
        assertThat(api.get("bob", "/api/changes?status=WITHDRAWN").body().findValuesAsText("id")).contains(id);
    }

    @Test
    void a_revision_voids_earlier_approvals() {
        STACK.asOwner("CREATE TABLE app.revised (id int)", "GRANT SELECT ON app.revised TO karen");
        String id = api.propose("alice", """
                {"kind":"table-privilege","action":"REVOKE","privileges":["SELECT"],
                 "table":{"schema":"app","name":"revised"},"grantee":"karen"}""").path("id").asText();
        assertThat(api.approve("bob", id).body().path("approvals")).hasSize(1);

        JsonNode revised = api.post("alice", "/api/changes/" + id + "/revisions", """
                {"title":"Revoke SELECT and INSERT","spec":{"kind":"table-privilege","action":"REVOKE","privileges":["SELECT","INSERT"],
                 "table":{"schema":"app","name":"revised"},"grantee":"karen"}}""").body();
        assertThat(revised.path("approvals")).isEmpty();
        assertThat(revised.path("title").asText()).isEqualTo("Revoke SELECT and INSERT");

        assertThat(api.approve("carol", id).body().path("status").asText()).as("one fresh approval of two").isEqualTo("PROPOSED");
    }

    private JsonNode applied(String requester, String spec, String reviewer) {
        JsonNode proposed = api.propose(requester, spec);
        String id = proposed.path("id").asText();
        assertThat(proposed.path("dryRunStatus").asText()).as(proposed.toString()).isEqualTo("PASSED");
        assertThat(api.approve(reviewer, id).status()).isEqualTo(200);
        JsonNode applied = api.awaitStatus(id, "APPLIED");
        assertThat(applied.path("status").asText()).as(applied.toString()).isEqualTo("APPLIED");
        return applied;
    }

    private static List<Integer> ids(Statement statement, String sql) throws Exception {
        List<Integer> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }
}
