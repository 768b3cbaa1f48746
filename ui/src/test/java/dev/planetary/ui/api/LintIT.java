package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every lint rule against a fixture that triggers it and one that does not, on the real target; an
 * acknowledgement kept with its reason; and a finding's fix applied as a reviewed change.
 */
class LintIT extends PlanetaryIT {

    @BeforeAll
    static void fixtures() throws Exception {
        STACK.asOwner("CREATE SCHEMA lint_probe",
                "CREATE TABLE lint_probe.parent (id int PRIMARY KEY)",
                "CREATE TABLE lint_probe.child_bad (id int PRIMARY KEY, parent_id int REFERENCES lint_probe.parent)",
                "CREATE TABLE lint_probe.child_good (id int PRIMARY KEY, parent_id int REFERENCES lint_probe.parent)",
                "CREATE INDEX child_good_parent ON lint_probe.child_good (parent_id)",
                "CREATE TABLE lint_probe.nopk (a int)",
                "CREATE TABLE lint_probe.rls_empty (id int PRIMARY KEY)",
                "ALTER TABLE lint_probe.rls_empty ENABLE ROW LEVEL SECURITY",
                "CREATE TABLE lint_probe.rls_ok (id int PRIMARY KEY, owner_name text)",
                "ALTER TABLE lint_probe.rls_ok ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY mine ON lint_probe.rls_ok USING (owner_name = current_user)",
                "CREATE TABLE lint_probe.pol_off (id int PRIMARY KEY, owner_name text)",
                "CREATE POLICY mine ON lint_probe.pol_off USING (owner_name = current_user)",
                "CREATE TABLE lint_probe.pol_off_fix (id int PRIMARY KEY, owner_name text)",
                "CREATE POLICY mine ON lint_probe.pol_off_fix USING (owner_name = current_user)",
                "CREATE FUNCTION lint_probe.definer_bad() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'",
                "CREATE FUNCTION lint_probe.definer_good() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS 'SELECT 1'",
                "CREATE VIEW lint_probe.v_bad AS SELECT id FROM lint_probe.rls_ok",
                "CREATE VIEW lint_probe.v_good WITH (security_invoker = true) AS SELECT id FROM lint_probe.rls_ok",
                "CREATE SEQUENCE lint_probe.near AS integer MAXVALUE 100", "SELECT setval('lint_probe.near', 90)",
                "CREATE SEQUENCE lint_probe.far AS integer MAXVALUE 100", "SELECT setval('lint_probe.far', 10)",
                "CREATE TABLE lint_probe.indexed (id int PRIMARY KEY, a int, b int)",
                "CREATE INDEX indexed_a_one ON lint_probe.indexed (a)", "CREATE INDEX indexed_a_two ON lint_probe.indexed (a)");
        try (Connection connection = STACK.target(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS citext SCHEMA lint_probe");
        }
    }

    @Test
    void each_rule_finds_its_fixture_and_leaves_the_sound_one_alone() {
        JsonNode report = api.get("victor", "/api/health/lints").body();
        assertThat(report.path("skipped").size()).as(report.path("skipped").toString()).isZero();
        assertFinds(report, "UNINDEXED_FOREIGN_KEY", "lint_probe.child_bad", "lint_probe.child_good");
        assertFinds(report, "TABLE_WITHOUT_PRIMARY_KEY", "lint_probe.nopk", "lint_probe.parent");
        assertFinds(report, "RLS_WITHOUT_POLICY", "lint_probe.rls_empty", "lint_probe.rls_ok");
        assertFinds(report, "POLICY_WITHOUT_RLS", "lint_probe.pol_off", "lint_probe.rls_ok");
        assertFinds(report, "SECURITY_DEFINER_SEARCH_PATH", "lint_probe.definer_bad()", "lint_probe.definer_good()");
        assertFinds(report, "VIEW_BYPASSES_RLS", "lint_probe.v_bad", "lint_probe.v_good");
        assertFinds(report, "EXTENSION_IN_PUBLIC", "pg_stat_statements", "citext");
        assertFinds(report, "SEQUENCE_NEAR_LIMIT", "lint_probe.near", "lint_probe.far");
        assertFinds(report, "DUPLICATE_INDEX", "lint_probe.indexed_a_two", "lint_probe.indexed_a_one");
        assertFinds(report, "UNUSED_INDEX", "lint_probe.child_good_parent", "lint_probe.indexed_pkey");

        JsonNode fk = finding(report, "UNINDEXED_FOREIGN_KEY", "lint_probe.child_bad");
        assertThat(fk.path("detail").asText()).contains("parent_id");
        assertThat(fk.path("fix").path("kind").asText()).isEqualTo("create-index");
        assertThat(finding(report, "SECURITY_DEFINER_SEARCH_PATH", "lint_probe.definer_bad()").path("rule").asText())
                .isEqualTo("SECURITY_DEFINER_SEARCH_PATH");
    }

    @Test
    void an_acknowledgement_is_kept_with_its_reason_and_only_reviewers_and_operators_give_one() {
        String body = """
                {"rule": "TABLE_WITHOUT_PRIMARY_KEY", "object": "lint_probe.nopk", "reason": "a log table, append-only"}""";
        assertThat(api.post("victor", "/api/health/acknowledgements", body).status()).isEqualTo(403);
        Response noReason = api.post("bob", "/api/health/acknowledgements", """
                {"rule": "TABLE_WITHOUT_PRIMARY_KEY", "object": "lint_probe.nopk"}""");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("field").asText()).isEqualTo("reason");
        assertThat(api.post("bob", "/api/health/acknowledgements", """
                {"rule": "NO_SUCH_RULE", "object": "x", "reason": "y"}""").body().path("field").asText()).isEqualTo("rule");

        Response acknowledged = api.post("bob", "/api/health/acknowledgements", body);
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(201);
        JsonNode kept = await().atMost(Duration.ofSeconds(20)).until(
                () -> finding(api.get("victor", "/api/health/lints").body(), "TABLE_WITHOUT_PRIMARY_KEY", "lint_probe.nopk"),
                f -> !f.path("acknowledged").isNull());
        assertThat(kept.path("acknowledged").path("by").asText()).isEqualTo("bob");
        assertThat(kept.path("acknowledged").path("reason").asText()).isEqualTo("a log table, append-only");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("victor", "/api/history?event=finding-acknowledged").body(),
                history -> history.toString().contains("a log table, append-only"));
    }

    @Test
    void the_fix_of_a_finding_applies_and_the_finding_goes() {
        JsonNode fix = finding(api.get("victor", "/api/health/lints").body(), "POLICY_WITHOUT_RLS", "lint_probe.pol_off_fix").path("fix");
        assertThat(fix.path("kind").asText()).isEqualTo("row-security");
        api.applied("alice", "bob", """
                {"kind": "row-security", "table": {"schema": "%s", "name": "%s"}, "action": "ENABLE"}"""
                .formatted(fix.path("schema").asText(), fix.path("table").asText()));
        Set<String> after = objects(api.get("victor", "/api/health/lints").body(), "POLICY_WITHOUT_RLS");
        assertThat(after).doesNotContain("lint_probe.pol_off_fix");
    }

    private static void assertFinds(JsonNode report, String rule, String triggered, String sound) {
        Set<String> objects = objects(report, rule);
        assertThat(objects).as(rule).contains(triggered).doesNotContain(sound);
    }

    private static Set<String> objects(JsonNode report, String rule) {
        return StreamSupport.stream(report.path("findings").spliterator(), false).filter(f -> f.path("rule").asText().equals(rule))
                .map(f -> f.path("object").asText()).collect(Collectors.toSet());
    }

    private static JsonNode finding(JsonNode report, String rule, String object) {
        return StreamSupport.stream(report.path("findings").spliterator(), false)
                .filter(f -> f.path("rule").asText().equals(rule) && f.path("object").asText().equals(object)).findFirst().orElseThrow();
    }
}
