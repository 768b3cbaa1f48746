package dev.planetary.ui.target;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.CronTarget;
import dev.planetary.ui.support.PlanetaryIT;
import dev.planetary.ui.support.TestStack;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three targets in one Planetary: the default one ("App", dev), "staging" on a PostgreSQL server
 * of its own, and "offline" (prod), whose server refuses every connection. Each change, catalog
 * page, test run and drift event belongs to one target; the unreachable one is reported as such
 * while the others keep working.
 */
class TargetsIT extends PlanetaryIT {

    @Test
    void every_target_is_listed_with_its_health_and_the_unreachable_one_does_not_hold_up_the_others() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode targets = api.get("victor", "/api/targets").body();
            // targets registered at run time by other tests of this JVM (cron, for the jobs) aside
            assertThat(targets.findValuesAsText("id")).filteredOn(id -> !id.equals(CronTarget.ID))
                    .containsExactlyInAnyOrder("default", "staging", "production", "offline");
            assertThat(health(targets, "default")).isEqualTo("UP");
            assertThat(health(targets, "staging")).isEqualTo("UP");
            assertThat(health(targets, "production")).isEqualTo("UP");
            assertThat(health(targets, "offline")).isEqualTo("UNREACHABLE");
        });
        JsonNode targets = api.get("victor", "/api/targets").body();
        JsonNode offline = find(targets, "offline");
        assertThat(offline.path("environment").asText()).isEqualTo("prod");
        assertThat(offline.path("health").path("problem").asText()).isNotBlank();
        assertThat(find(targets, "default").path("home").asBoolean()).isTrue();
        assertThat(find(targets, "staging").path("health").path("serverVersion").asText()).startsWith("15");

        Api.Response unreachable = api.get("victor", "/api/catalog/tables?target=offline");
        assertThat(unreachable.status()).isEqualTo(503);
        assertThat(unreachable.code()).isEqualTo("target_unreachable");
        // A change there cannot be proposed: the person's rights on it cannot be read. Refused, and said as it is.
        Api.Response refused = api.post("alice", "/api/changes", """
                {"target": "offline", "spec": {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"customer"},"grantee":"app_reader"}}""");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("target_unreachable");
        assertThat(refused.body().path("message").asText()).contains("rights on offline could not be read");
        // Asked right after, the other targets answer as usual.
        assertThat(api.get("victor", "/api/catalog/tables?target=staging&schema=app").status()).isEqualTo(200);
        assertThat(api.get("victor", "/api/catalog/tables?schema=app").status()).isEqualTo(200);
    }

    @Test
    void a_change_proposed_on_staging_is_dry_run_and_applied_there_and_listed_only_there() throws Exception {
        TestStack.STAGING.asOwner("CREATE TABLE IF NOT EXISTS app.staging_only (id int)");
        api.put("carol", "/api/me/profile", "{\"displayName\":\"Carol\",\"email\":\"carol@example.test\"}");
        assertThat(api.get("victor", "/api/catalog/tables?target=staging&schema=app").body().findValuesAsText("name"))
                .contains("staging_only");
        assertThat(api.get("victor", "/api/catalog/tables?schema=app").body().findValuesAsText("name"))
                .doesNotContain("staging_only");

        Api.Response proposed = api.post("alice", "/api/changes", """
                {"target": "staging", "spec": {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"staging_only"},"grantee":"app_reader"}}""");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String id = proposed.body().path("id").asText();
        assertThat(proposed.body().path("target").asText()).isEqualTo("staging");
        assertThat(proposed.body().path("dryRunStatus").asText()).as("dry-run on staging, where the table is").isEqualTo("PASSED");

        // The same grant on the default target fails its dry-run: the table is not there.
        JsonNode onDefault = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"staging_only"},"grantee":"app_reader"}""");
        assertThat(onDefault.path("target").asText()).isEqualTo("default");
        assertThat(onDefault.path("dryRunStatus").asText()).isEqualTo("FAILED");

        // The review request names the target, and goes to the reviewers there.
        await().atMost(Duration.ofSeconds(15)).until(() -> java.util.Arrays.stream(TestStack.mail().getReceivedMessages())
                .anyMatch(m -> subject(m).equals("[Planetary] Review needed on staging: Grant SELECT on app.staging_only to app_reader")
                        && recipients(m).contains("carol@example.test")));
        assertThat(api.approve("carol", id).status()).as("carol reviews on staging").isEqualTo(200);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        assertThat(onStaging("SELECT has_table_privilege('app_reader', 'app.staging_only', 'SELECT')")).isTrue();

        assertThat(ids("/api/changes?target=staging")).contains(id).doesNotContain(onDefault.path("id").asText());
        assertThat(ids("/api/changes?target=default")).contains(onDefault.path("id").asText()).doesNotContain(id);
        JsonNode history = api.get("victor", "/api/changes/" + id + "/history").body();
        assertThat(history.findValuesAsText("target")).isNotEmpty().containsOnly("staging");
    }

    @Test
    void production_asks_two_approvals_for_a_low_risk_change_and_an_operator_rolls_it_out() throws Exception {
        TestStack.PRODUCTION.asOwner("CREATE TABLE IF NOT EXISTS app.prod_rules (id int)");
        Api.Response proposed = api.post("alice", "/api/changes", """
                {"target": "production", "spec": {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"prod_rules"},"grantee":"app_reader"}}""");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        JsonNode change = proposed.body();
        String id = change.path("id").asText();
        assertThat(change.path("risk").asText()).isEqualTo("LOW");
        assertThat(change.path("environment").asText()).isEqualTo("prod");
        assertThat(change.path("requiredApprovals").asInt()).as("prod: two approvals for everything").isEqualTo(2);

        assertThat(api.approve("bob", id).body().path("status").asText()).isEqualTo("PROPOSED");
        Api.Response byCarol = api.approve("carol", id);
        assertThat(byCarol.status()).as("carol reviews on the default target and staging, not on production").isEqualTo(403);
        assertThat(byCarol.body().path("message").asText()).contains("on production");
        JsonNode approved = api.approve("dave", id).body();
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("awaitingRollout").asBoolean()).as("prod: no self-service").isTrue();
        assertThat(TestStack.PRODUCTION.query("SELECT NOT has_table_privilege('app_reader', 'app.prod_rules', 'SELECT')"))
                .as("nothing is applied before an operator rolls it out").isTrue();

        Api.Response byRequester = api.post("alice", "/api/changes/" + id + "/rollout", "{}");
        assertThat(byRequester.status()).as("a requester may not roll out").isEqualTo(403);
        Api.Response rolledOut = api.post("bob", "/api/changes/" + id + "/rollout", "{}");
        assertThat(rolledOut.status()).as(rolledOut.toString()).isEqualTo(200);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        assertThat(TestStack.PRODUCTION.query("SELECT has_table_privilege('app_reader', 'app.prod_rules', 'SELECT')")).isTrue();
        assertThat(api.get("victor", "/api/changes/" + id + "/history").body().findValuesAsText("event")).contains("rolled-out");
        assertThat(api.post("bob", "/api/changes/" + id + "/rollout", "{}").code()).isEqualTo("wrong_state");
    }

    @Test
    void a_low_risk_change_on_a_dev_target_is_applied_on_one_approval() {
        JsonNode change = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"invoice"},"grantee":"app_reader"}""");
        assertThat(change.path("environment").asText()).isEqualTo("dev");
        assertThat(change.path("requiredApprovals").asInt()).isEqualTo(1);
        api.approve("bob", change.path("id").asText());
        assertThat(api.awaitStatus(change.path("id").asText(), "APPLIED").path("awaitingRollout").asBoolean()).isFalse();
    }

    @Test
    void a_change_applied_on_dev_is_promoted_to_staging_reviewed_and_applied_there_then_to_production() throws Exception {
        STACK.asOwner("CREATE TABLE IF NOT EXISTS app.promoted (id int)");
        TestStack.STAGING.asOwner("CREATE TABLE IF NOT EXISTS app.promoted (id int)");
        TestStack.PRODUCTION.asOwner("CREATE TABLE IF NOT EXISTS app.promoted (id int)");
        String onDev = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"promoted"},"grantee":"app_reader"}""").path("id").asText();
        Api.Response tooEarly = api.post("alice", "/api/changes/" + onDev + "/promotions", "{\"target\": \"staging\"}");
        assertThat(tooEarly.status()).as("only an applied change is promoted").isEqualTo(409);
        api.approve("bob", onDev);
        api.awaitStatus(onDev, "APPLIED");

        Api.Response promoted = api.post("alice", "/api/changes/" + onDev + "/promotions", "{\"target\": \"staging\"}");
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(201);
        JsonNode onStaging = promoted.body();
        assertThat(onStaging.path("target").asText()).isEqualTo("staging");
        assertThat(onStaging.path("promotedFrom").asText()).isEqualTo(onDev);
        assertThat(onStaging.path("dryRunStatus").asText()).as("dry-run again, on staging").isEqualTo("PASSED");
        assertThat(onStaging.path("status").asText()).isEqualTo("PROPOSED");
        String stagingId = onStaging.path("id").asText();
        api.approve("carol", stagingId);
        api.awaitStatus(stagingId, "APPLIED");
        assertThat(onStaging("SELECT has_table_privilege('app_reader', 'app.promoted', 'SELECT')")).isTrue();

        Api.Response again = api.post("alice", "/api/changes/" + onDev + "/promotions", "{\"target\": \"staging\"}");
        assertThat(again.status()).as("it is on staging already").isEqualTo(409);
        assertThat(api.post("alice", "/api/changes/" + onDev + "/promotions", "{\"target\": \"default\"}").status())
                .as("not to the target it came from").isEqualTo(400);

        // On to production, from the staging change: production's rules apply there.
        JsonNode onProduction = api.post("alice", "/api/changes/" + stagingId + "/promotions", "{\"target\": \"production\"}").body();
        assertThat(onProduction.path("requiredApprovals").asInt()).isEqualTo(2);
        assertThat(onProduction.path("environment").asText()).isEqualTo("prod");

        JsonNode chain = api.get("victor", "/api/changes/" + stagingId + "/promotions").body();
        assertThat(chain.findValuesAsText("target")).containsExactly("default", "staging", "production");
        assertThat(chain.findValuesAsText("id")).containsExactly(onDev, stagingId, onProduction.path("id").asText());
    }

    @Test
    void changes_promoted_together_are_applied_on_staging_in_the_order_they_were_applied_on_dev() throws Exception {
        for (String table : List.of("batch_first", "batch_second")) {
            STACK.asOwner("CREATE TABLE IF NOT EXISTS app." + table + " (id int)");
            TestStack.STAGING.asOwner("CREATE TABLE IF NOT EXISTS app." + table + " (id int)");
        }
        String first = applyOnDev("batch_first");
        String second = applyOnDev("batch_second");

        Api.Response batch = api.post("alice", "/api/changes/promotions",
                "{\"changes\": [\"" + second + "\", \"" + first + "\"], \"target\": \"staging\"}");
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        assertThat(batch.body().findValuesAsText("promotedFrom")).as("in the order they were applied").containsExactly(first, second);
        String firstOnStaging = batch.body().get(0).path("id").asText();
        String secondOnStaging = batch.body().get(1).path("id").asText();
        assertThat(batch.body().get(1).path("appliesAfter").asText()).isEqualTo(firstOnStaging);

        // The second is approved first: it still waits for the first to be applied.
        assertThat(api.approve("carol", secondOnStaging).status()).isEqualTo(200);
        assertThat(api.approve("carol", firstOnStaging).status()).isEqualTo(200);
        api.awaitStatus(firstOnStaging, "APPLIED");
        assertThat(api.awaitStatus(secondOnStaging, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        assertThat(appliedAt(secondOnStaging)).isAfter(appliedAt(firstOnStaging));
    }

    private String applyOnDev(String table) {
        return api.applied("alice", "bob", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"%s"},"grantee":"app_reader"}""".formatted(table));
    }

    private java.time.Instant appliedAt(String changeId) {
        for (JsonNode entry : api.get("victor", "/api/changes/" + changeId + "/history").body()) {
            if ("applied".equals(entry.path("event").asText())) {
                return java.time.Instant.parse(entry.path("at").asText());
            }
        }
        throw new AssertionError("change " + changeId + " has no applied event");
    }

    @Test
    void the_comparison_finds_a_policy_missing_on_staging_and_its_proposed_change_makes_them_equal() throws Exception {
        String table = "CREATE TABLE IF NOT EXISTS app.compared (id int, tenant text)";
        STACK.asOwner(table, "DROP POLICY IF EXISTS tenant_only ON app.compared",
                "CREATE POLICY tenant_only ON app.compared USING (tenant = current_setting('app.tenant', true))");
        TestStack.STAGING.asOwner(table);
        String policy = "\"tenant_only\" ON \"app\".\"compared\"";

        JsonNode comparison = api.get("victor", "/api/targets/compare?like=default&target=staging").body();
        JsonNode difference = named(comparison.path("comparison").path("differences"), policy);
        assertThat(difference).as(comparison.path("comparison").toString()).isNotNull();
        assertThat(difference.path("kind").asText()).isEqualTo("POLICY");
        assertThat(difference.path("status").asText()).isEqualTo("MISSING_ON_RIGHT");
        assertThat(difference.path("definitionLeft").asText()).contains("USING", "current_setting");
        JsonNode proposal = named(comparison.path("proposals"), policy);
        assertThat(proposal.path("spec").path("kind").asText()).isEqualTo("create-policy");

        // named with its kind (a role and a schema may share a name); the name alone is taken too, below
        Api.Response proposed = api.post("alice", "/api/changes/alike",
                "{\"like\": \"default\", \"target\": \"staging\", \"objects\": [" + api.json("policy " + policy) + "]}");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        JsonNode change = proposed.body().get(0);
        assertThat(change.path("target").asText()).isEqualTo("staging");
        assertThat(change.path("dryRunStatus").asText()).isEqualTo("PASSED");
        api.approve("carol", change.path("id").asText());
        api.awaitStatus(change.path("id").asText(), "APPLIED");

        JsonNode after = api.get("victor", "/api/targets/compare?like=default&target=staging").body();
        assertThat(named(after.path("comparison").path("differences"), policy)).as("the policy is the same on both now").isNull();
        Api.Response nothingToDo = api.post("alice", "/api/changes/alike",
                "{\"like\": \"default\", \"target\": \"staging\", \"objects\": [" + api.json(policy) + "]}");
        assertThat(nothingToDo.status()).isEqualTo(400);
        assertThat(nothingToDo.body().path("field").asText()).isEqualTo("objects");
    }

    @Test
    void the_comparison_finds_a_person_s_memberships_differ_on_production_and_suggests_grant_and_revoke() {
        // carol reviews on the default target and only reads production (TestStack): roles live on each server.
        JsonNode comparison = api.get("victor", "/api/targets/compare?like=default&target=production").body();
        JsonNode carol = named(comparison.path("comparison").path("differences"), "\"carol\"");
        assertThat(carol).as(comparison.path("comparison").path("differences").toString()).isNotNull();
        assertThat(carol.path("kind").asText()).isEqualTo("ROLE");
        assertThat(carol.path("definitionLeft").asText()).contains("MEMBER OF \"planetary_reviewer\"");
        assertThat(carol.path("definitionRight").asText()).contains("MEMBER OF \"planetary_viewer\"");
        java.util.List<String> scripts = new java.util.ArrayList<>();
        comparison.path("proposals").forEach(p -> {
            if (p.path("object").asText().equals("\"carol\"")) {
                scripts.add(p.path("spec").path("role").asText() + ":" + p.path("spec").path("action").asText());
            }
        });
        assertThat(scripts).containsExactly("planetary_viewer:REVOKE", "planetary_reviewer:GRANT");
    }

    private static JsonNode named(JsonNode rows, String name) {
        for (JsonNode row : rows) {
            if (name.equals(row.path("name").asText()) || name.equals(row.path("object").asText())) {
                return row;
            }
        }
        return null;
    }

    @Test
    void drift_on_staging_appears_on_staging_only() throws Exception {
        TestStack.STAGING.asOwner("CREATE TABLE app.made_by_hand_on_staging (id int)");
        JsonNode drift = await().atMost(Duration.ofSeconds(20)).until(
                () -> first(api.get("victor", "/api/history?event=drift&target=staging&object=app.made_by_hand_on_staging").body()),
                entry -> entry != null);
        assertThat(drift.path("target").asText()).isEqualTo("staging");
        assertThat(drift.path("changeId").asText()).startsWith("drift-staging-");
        assertThat(api.get("victor", "/api/history?event=drift&target=default&object=app.made_by_hand_on_staging").body())
                .isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(find(api.get("victor", "/api/targets").body(), "staging").path("recentDrift").asLong()).isPositive());
    }

    @Test
    void a_test_run_runs_on_the_target_it_names() {
        TestStack.STAGING.asOwner("""
                CREATE OR REPLACE FUNCTION app.where_am_i() RETURNS text LANGUAGE sql AS $$ SELECT current_database()::text $$""",
                "GRANT USAGE ON SCHEMA app TO karen");
        Api.Response run = api.post("alice", "/api/test-runs?target=staging", """
                {"target": "FUNCTION", "object": {"schema": "app", "name": "where_am_i"}, "argumentTypes": [], "arguments": [],
                 "role": "karen"}""");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.body().path("error").isNull()).as(run.body().toString()).isTrue();
        assertThat(run.body().path("rows").toString()).contains(TestStack.STAGING_DATABASE);
    }

    @Test
    void a_target_that_is_not_managed_or_malformed_is_refused_and_nothing_is_stored() throws Exception {
        long before = STACK.requestEvents();
        Api.Response unknown = api.post("alice", "/api/changes", """
                {"target": "nowhere", "spec": {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"invoice"},"grantee":"app_reader"}}""");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("unknown_target");
        assertThat(unknown.body().path("field").asText()).isEqualTo("target");
        Api.Response malformed = api.get("victor", "/api/changes?target=Prod;drop");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("field").asText()).isEqualTo("target");
        assertThat(api.get("victor", "/api/catalog/tables?target=nowhere").code()).isEqualTo("unknown_target");
        assertThat(STACK.requestEvents()).isEqualTo(before);
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        api.get("victor", path + "&limit=500").body().forEach(change -> ids.add(change.path("id").asText()));
        return ids;
    }

    private static boolean onStaging(String sql) throws Exception {
        try (Connection connection = TestStack.STAGING.server().connect(TestStack.STAGING_DATABASE);
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static String health(JsonNode targets, String id) {
        return find(targets, id).path("health").path("status").asText();
    }

    private static JsonNode find(JsonNode targets, String id) {
        for (JsonNode target : targets) {
            if (id.equals(target.path("id").asText())) {
                return target;
            }
        }
        throw new AssertionError("no target " + id + " in " + targets);
    }

    private static JsonNode first(JsonNode entries) {
        return entries.isArray() && !entries.isEmpty() ? entries.get(0) : null;
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(jakarta.mail.internet.MimeMessage message) {
        try {
            return java.util.Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
