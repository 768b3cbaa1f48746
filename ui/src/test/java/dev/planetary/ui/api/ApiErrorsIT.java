package dev.planetary.ui.api;

import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests get a stable code, a message naming the field, and store nothing. */
class ApiErrorsIT extends PlanetaryIT {

    private long storedEvents() throws Exception {
        return STACK.requestEvents();
    }

    private Response proposeRaw(String body) {
        return api.post("alice", "/api/changes", body);
    }

    @Test
    void a_spec_breaking_a_rule_is_refused_naming_the_field() throws Exception {
        long before = storedEvents();
        Response response = proposeRaw("""
                {"spec":{"kind":"table-privilege","action":"GRANT","privileges":["DELETE"],
                 "table":{"schema":"app","name":"invoice"},"columns":["amount"],"grantee":"karen"}}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_spec");
        assertThat(response.body().path("field").asText()).isEqualTo("spec.columns");
        assertThat(response.body().path("message").asText()).contains("DELETE cannot be granted per column");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_unknown_privilege_is_refused_naming_the_field_and_the_choices() throws Exception {
        long before = storedEvents();
        Response response = proposeRaw("""
                {"spec":{"kind":"table-privilege","action":"GRANT","privileges":["SELEKT"],
                 "table":{"schema":"app","name":"invoice"},"grantee":"karen"}}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("field").asText()).isEqualTo("spec.privileges[0]");
        assertThat(response.body().path("message").asText()).contains("SELEKT").contains("SELECT");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_injection_attempt_in_a_policy_expression_is_refused() throws Exception {
        long before = storedEvents();
        Response response = proposeRaw("""
                {"spec":{"kind":"create-policy","table":{"schema":"app","name":"invoice"},"name":"p",
                 "using":"true) ; DROP TABLE app.invoice; --"}}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("field").asText()).isEqualTo("spec.using");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(STACK.targetQuery("SELECT to_regclass('app.invoice') IS NOT NULL")).isTrue();
    }

    @Test
    void an_overlong_identifier_is_refused() {
        Response response = proposeRaw("""
                {"spec":{"kind":"row-security","table":{"schema":"app","name":"%s"},"action":"ENABLE"}}"""
                .formatted("x".repeat(64)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("field").asText()).startsWith("spec.table");
        assertThat(response.body().path("message").asText()).contains("63 bytes");
    }

    @Test
    void an_unknown_kind_lists_the_kinds() {
        Response response = proposeRaw("{\"spec\":{\"kind\":\"drop-database\"}}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("field").asText()).isEqualTo("spec");
        assertThat(response.body().path("message").asText()).contains("table-privilege").contains("create-trigger");
    }

    @Test
    void a_missing_spec_is_refused() {
        Response response = proposeRaw("{\"title\":\"nothing\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("field").asText()).isEqualTo("spec");
    }

    @Test
    void malformed_json_is_refused() {
        Response response = proposeRaw("{\"spec\":");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isIn("invalid_json", "invalid_spec");
    }

    @Test
    void no_credentials_or_a_wrong_password_is_401() {
        Response anonymous = api.getAnonymous("/api/changes");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthenticated");
        Response wrong = api.getWithPassword("alice", "not-her-password", "/api/changes");
        assertThat(wrong.status()).isEqualTo(401);
        Response noSuchRole = api.getWithPassword("mallory", "anything", "/api/changes");
        assertThat(noSuchRole.status()).isEqualTo(401);
    }

    @Test
    void a_login_without_planetary_rights_can_read_nothing() {
        Response response = api.get("karen", "/api/changes");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
    }

    @Test
    void an_unknown_change_is_404() {
        assertThat(api.get("victor", "/api/changes/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        Response approval = api.approve("bob", "00000000-0000-0000-0000-000000000000");
        assertThat(approval.status()).isEqualTo(404);
        assertThat(approval.code()).isEqualTo("not_found");
        assertThat(api.get("victor", "/api/changes/nope/history").status()).isEqualTo(404);
    }

    @Test
    void a_bad_filter_names_the_parameter() {
        Response response = api.get("victor", "/api/changes?status=DONE");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("field").asText()).isEqualTo("status");
    }

    @Test
    void the_openapi_description_is_served() {
        Response response = api.getAnonymous("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("paths").has("/api/changes")).isTrue();
        assertThat(response.body().path("paths").has("/api/changes/{id}/approvals")).isTrue();
    }

    @Test
    void a_profile_takes_a_valid_address_only() {
        Response bad = api.put("carol", "/api/me/profile", "{\"displayName\":\"Carol\",\"email\":\"not-an-address\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("field").asText()).isEqualTo("email");

        Response good = api.put("carol", "/api/me/profile", "{\"displayName\":\"Carol C.\",\"email\":\"carol@example.test\"}");
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.body().path("rights").toString()).isEqualTo("[\"REVIEWER\"]");
        assertThat(api.get("carol", "/api/me").body().path("email").asText()).isEqualTo("carol@example.test");
    }
}
