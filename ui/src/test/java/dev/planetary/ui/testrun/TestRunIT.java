package dev.planetary.ui.testrun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Trial calls through the API: as the chosen role, with claims, rolled back, and on the record. */
class TestRunIT extends PlanetaryIT {

    private static boolean created;

    @BeforeEach
    void function() {
        if (!created) {
            STACK.asOwner("CREATE TABLE app.trial_log (id int GENERATED ALWAYS AS IDENTITY, who text, tenant text)",
                    "GRANT USAGE ON SCHEMA app TO karen",
                    "GRANT INSERT ON app.trial_log TO karen",
                    """
                    CREATE FUNCTION app.log_trial(p_note text) RETURNS TABLE (who text, tenant text, note text)
                    LANGUAGE plpgsql AS $$
                    BEGIN
                        IF p_note = 'boom' THEN
                            RAISE EXCEPTION 'trial refused: %', p_note USING ERRCODE = 'P0099', HINT = 'say something else';
                        END IF;
                        INSERT INTO app.trial_log (who, tenant) VALUES (current_user, current_setting('app.tenant_id', true));
                        RAISE NOTICE 'logged %', p_note;
                        RETURN QUERY SELECT current_user::text, current_setting('app.tenant_id', true), p_note;
                    END $$""");
            created = true;
        }
    }

    private static final String CALL = """
            {"target": "FUNCTION", "object": {"schema": "app", "name": "log_trial"}, "argumentTypes": ["text"],
             "arguments": ["%s"], "role": "karen", "settings": {"app.tenant_id": "acme"}}""";

    @Test
    void a_function_runs_as_the_chosen_role_with_the_claims_and_leaves_no_trace() throws Exception {
        Response run = api.post("alice", "/api/test-runs", CALL.formatted("hello"));
        assertThat(run.status()).isEqualTo(200);
        JsonNode result = run.body();
        assertThat(result.path("error").isNull()).as(result.toString()).isTrue();
        assertThat(result.path("columns").toString()).isEqualTo("[\"who\",\"tenant\",\"note\"]");
        assertThat(result.path("rows").toString()).isEqualTo("[[\"karen\",\"acme\",\"hello\"]]");
        assertThat(result.path("notices").toString()).contains("logged hello");
        assertThat(result.path("sql").asText()).isEqualTo("SELECT * FROM \"app\".\"log_trial\"(?::text)");

        assertThat(STACK.targetQuery("SELECT count(*) = 0 FROM app.trial_log")).as("the insert was rolled back").isTrue();
        assertThat(STACK.targetQuery("SELECT NOT pg_has_role('planetary_ddl', 'karen', 'MEMBER')"))
                .as("the membership used to act as karen was rolled back").isTrue();

        JsonNode history = api.get("victor", "/api/history?object=app.log_trial").body();
        assertThat(history.findValuesAsText("event")).contains("test-run");
        assertThat(history.findValuesAsText("summary")).anySatisfy(s -> assertThat(s)
                .contains("app.log_trial(text) as karen with app.tenant_id", "rolled back", "1 row(s)"));
        assertThat(history.findValuesAsText("actor")).contains("alice");
    }

    @Test
    void an_insert_and_a_delete_through_a_view_run_as_the_role_with_its_claims_and_are_rolled_back() throws Exception {
        STACK.asOwner("CREATE OR REPLACE VIEW app.trial_view AS SELECT id, who, tenant FROM app.trial_log",
                "GRANT SELECT, INSERT, DELETE ON app.trial_view TO karen");
        JsonNode inserted = api.post("alice", "/api/test-runs", """
                {"target": "VIEW", "object": {"schema": "app", "name": "trial_view"}, "operation": "INSERT",
                 "values": {"who": "karen", "tenant": "acme"}, "role": "karen", "settings": {"app.tenant_id": "acme"}}""").body();
        assertThat(inserted.path("error").isNull()).as(inserted.toString()).isTrue();
        assertThat(inserted.path("sql").asText()).isEqualTo("INSERT INTO \"app\".\"trial_view\" (\"who\", \"tenant\") VALUES (?, ?) RETURNING *");
        assertThat(inserted.path("rows").get(0).toString()).contains("\"karen\"", "\"acme\"");
        JsonNode deleted = api.post("alice", "/api/test-runs", """
                {"target": "VIEW", "object": {"schema": "app", "name": "trial_view"}, "operation": "DELETE",
                 "match": {"tenant": "nobody"}, "role": "karen"}""").body();
        assertThat(deleted.path("rows").size()).isZero();
        assertThat(STACK.targetQuery("SELECT count(*) = 0 FROM app.trial_log")).as("nothing persisted").isTrue();
    }

    @Test
    void an_error_is_the_result_with_its_sqlstate() {
        JsonNode result = api.post("dave", "/api/test-runs", CALL.formatted("boom")).body();
        assertThat(result.path("error").path("sqlState").asText()).isEqualTo("P0099");
        assertThat(result.path("error").path("message").asText()).contains("trial refused: boom");
        assertThat(result.path("error").path("hint").asText()).isEqualTo("say something else");
        assertThat(result.path("rows").size()).isZero();
    }

    @Test
    void bad_requests_are_refused_naming_the_field_and_viewers_cannot_run_tests() {
        Response superuser = api.post("alice", "/api/test-runs", CALL.formatted("x").replace("\"karen\"", "\"postgres\""));
        Response unknownRole = api.post("alice", "/api/test-runs", CALL.formatted("x").replace("\"karen\"", "\"nobody_here\""));
        Response badSetting = api.post("alice", "/api/test-runs", CALL.formatted("x").replace("app.tenant_id", "search_path"));
        Response arity = api.post("alice", "/api/test-runs", CALL.formatted("x").replace("[\"text\"]", "[]"));
        Response viewer = api.post("victor", "/api/test-runs", CALL.formatted("x"));

        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.body().path("field").asText()).isEqualTo("role");
        assertThat(badSetting.status()).isEqualTo(400);
        assertThat(badSetting.body().path("field").asText()).isEqualTo("settings");
        assertThat(arity.body().path("field").asText()).isEqualTo("arguments");
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(superuser.status()).isEqualTo(400);
        assertThat(superuser.body().path("message").asText()).contains("superuser");
    }
}
