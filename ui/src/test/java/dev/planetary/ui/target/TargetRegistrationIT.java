package dev.planetary.ui.target;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.PlanetaryIT;
import dev.planetary.ui.support.TestStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A target registered at run time, through the API, as a reviewed change to Planetary's own
 * configuration: its connection is tested first, someone other than the operator who asked
 * approves it, and from then on it is read, changed and listed like a configured target, until it
 * is disabled. The logins are named credentials: no secret is sent, stored or shown.
 */
class TargetRegistrationIT extends PlanetaryIT {

    private static String registration(String target, String database, String metadataLogin) {
        return """
                {"target": "%s", "name": "EU one", "environment": "staging", "colour": "#336699",
                 "url": "%s", "metadataLogin": "%s", "ddlLogin": "spare-ddl"}"""
                .formatted(target, TestStack.STAGING.server().jdbcUrl(database), metadataLogin);
    }

    private JsonNode tested(String target) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> api.get("victor", "/api/targets/registrations/" + target).body(),
                view -> !view.path("testing").asBoolean() && view.path("test").isObject());
    }

    @Test
    void a_target_is_tested_approved_by_someone_else_used_like_any_other_and_disabled() throws Exception {
        String database = TestStack.STAGING.spareDatabase("eu_one");
        Api.Response asked = api.post("bob", "/api/targets", registration("eu-one", database, "spare-meta"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.body().path("status").asText()).isEqualTo("REQUESTED");
        assertThat(asked.body().toString()).as("no secret anywhere in the answer")
                .doesNotContain(TestStack.STAGING.server().superuserPassword());

        JsonNode tested = tested("eu-one");
        assertThat(tested.path("test").path("checks").findValuesAsText("outcome")).doesNotContain("FAILED");
        assertThat(tested.path("test").path("checks").findValuesAsText("what"))
                .contains("Metadata login connects", "The metadata login reads no rows", "DDL login connects",
                        "The DDL login can keep Planetary's ledger");
        assertThat(tested.path("test").path("serverVersion").asText()).startsWith("15");
        assertThat(api.get("victor", "/api/targets").body().findValuesAsText("id")).as("not in use before approval")
                .doesNotContain("eu-one");

        Api.Response own = api.post("bob", "/api/targets/registrations/eu-one/approval", "{}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("self_review");
        Api.Response byRequester = api.post("alice", "/api/targets/registrations/eu-one/approval", "{}");
        assertThat(byRequester.status()).as("a requester may not accept targets").isEqualTo(403);

        Api.Response approved = api.post("carol", "/api/targets/registrations/eu-one/approval", "{\"comment\":\"EU ready\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.body().path("status").asText()).isEqualTo("REGISTERED");
        assertThat(approved.body().path("decidedBy").asText()).isEqualTo("carol");
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode target = find(api.get("victor", "/api/targets").body(), "eu-one");
                assertThat(target.path("name").asText()).isEqualTo("EU one");
                assertThat(target.path("environment").asText()).isEqualTo("staging");
                assertThat(target.path("registered").asBoolean()).isTrue();
                assertThat(target.path("health").path("status").asText()).isEqualTo("UP");
            });
            assertThat(api.get("victor", "/api/catalog/tables?target=eu-one&schema=app").body().findValuesAsText("name"))
                    .containsExactly("region");

            // Changed like any other target: dry-run there, reviewed under its environment's rules, applied there.
            Api.Response proposed = api.post("alice", "/api/changes", """
                    {"target": "eu-one", "spec": {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                     "table":{"schema":"app","name":"region"},"grantee":"app_reader"}}""");
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
            assertThat(proposed.body().path("dryRunStatus").asText()).isEqualTo("PASSED");
            String id = proposed.body().path("id").asText();
            assertThat(api.approve("carol", id).status()).isEqualTo(200);
            api.awaitStatus(id, "APPLIED");
            assertThat(readerMaySelect(database)).as("granted on the registered database").isTrue();
        } finally {
            Api.Response disabled = api.post("bob", "/api/targets/registrations/eu-one/disable", "{\"reason\":\"moved to eu-two\"}");
            assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
            assertThat(disabled.body().path("status").asText()).isEqualTo("DISABLED");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(api.get("victor", "/api/targets").body().findValuesAsText("id")).doesNotContain("eu-one");
            Api.Response gone = api.get("victor", "/api/catalog/tables?target=eu-one");
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.code()).isEqualTo("unknown_target");
        });
        // Its changes and their history stay.
        assertThat(api.get("victor", "/api/changes?target=eu-one").body().findValuesAsText("status")).contains("APPLIED");
    }

    @Test
    void a_metadata_login_that_can_read_rows_fails_the_test_and_cannot_be_approved() {
        String database = TestStack.STAGING.spareDatabase("reads_rows");
        assertThat(api.post("bob", "/api/targets", registration("reads-rows", database, "spare-super")).status()).isEqualTo(201);

        JsonNode tested = tested("reads-rows");
        assertThat(tested.path("test").path("checks").toString())
                .contains("\"what\":\"The metadata login reads no rows\",\"outcome\":\"FAILED\"").contains("superuser");
        Api.Response approved = api.post("carol", "/api/targets/registrations/reads-rows/approval", "{}");
        assertThat(approved.status()).isEqualTo(409);
        assertThat(approved.code()).isEqualTo("connection_test_not_passed");

        Api.Response rejected = api.post("carol", "/api/targets/registrations/reads-rows/rejection", "{\"reason\":\"use the catalog login\"}");
        assertThat(rejected.body().path("status").asText()).isEqualTo("REJECTED");
        assertThat(api.get("victor", "/api/targets").body().findValuesAsText("id")).doesNotContain("reads-rows");
    }

    @Test
    void a_table_granted_to_public_makes_the_metadata_login_a_reader_and_the_test_says_which() {
        String database = TestStack.STAGING.spareDatabase("public_grant");
        TestStack.STAGING.server().execute(database, "GRANT SELECT ON app.region TO PUBLIC");
        assertThat(api.post("bob", "/api/targets", registration("public-grant", database, "spare-meta")).status()).isEqualTo(201);

        JsonNode tested = tested("public-grant");
        assertThat(tested.path("test").path("checks").toString())
                .contains("\"what\":\"The metadata login reads no rows\",\"outcome\":\"FAILED\"")
                .contains("may SELECT from 1 tables or views (app.region)");
        TestStack.STAGING.server().execute(database, "REVOKE SELECT ON app.region FROM PUBLIC");
        assertThat(api.post("bob", "/api/targets/registrations/public-grant/connection-test", "").status()).isEqualTo(200);
        assertThat(tested("public-grant").path("test").path("checks").findValuesAsText("outcome")).as("fixed, then tested again")
                .doesNotContain("FAILED");
        api.post("bob", "/api/targets/registrations/public-grant/rejection", "{\"reason\":\"only a test\"}");
    }

    @Test
    void bad_registrations_are_refused_naming_the_field_and_change_nothing() throws Exception {
        long before = STACK.requestEvents();
        String url = TestStack.STAGING.server().jdbcUrl("postgres");
        Api.Response secret = api.post("bob", "/api/targets", """
                {"target": "leaky", "environment": "dev", "url": "%s?password=hunter2", "metadataLogin": "spare-meta",
                 "ddlLogin": "spare-ddl"}""".formatted(url));
        assertThat(secret.status()).isEqualTo(400);
        assertThat(secret.body().path("field").asText()).isEqualTo("url");
        Api.Response configured = api.post("bob", "/api/targets", registration("staging", "postgres", "spare-meta"));
        assertThat(configured.status()).isEqualTo(409);
        assertThat(configured.code()).isEqualTo("name_taken");
        Api.Response badName = api.post("bob", "/api/targets", registration("EU One", "postgres", "spare-meta"));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.body().path("field").asText()).isEqualTo("target");
        Api.Response notOperator = api.post("carol", "/api/targets", registration("by-carol", "postgres", "spare-meta"));
        assertThat(notOperator.status()).isEqualTo(403);
        assertThat(STACK.requestEvents()).isEqualTo(before);
        assertThat(api.get("victor", "/api/targets/registrations").body().findValuesAsText("target"))
                .doesNotContain("leaky", "by-carol");
    }

    private static boolean readerMaySelect(String database) throws java.sql.SQLException {
        try (java.sql.Connection connection = TestStack.STAGING.server().connect(database);
             java.sql.ResultSet rows = connection.createStatement()
                     .executeQuery("SELECT has_table_privilege('app_reader', 'app.region', 'SELECT')")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static JsonNode find(JsonNode targets, String id) {
        for (JsonNode target : targets) {
            if (target.path("id").asText().equals(id)) {
                return target;
            }
        }
        throw new AssertionError("no target " + id + " in " + targets);
    }
}
