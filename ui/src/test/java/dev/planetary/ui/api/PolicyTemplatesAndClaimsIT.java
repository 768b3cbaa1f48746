package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved policy templates and the claims page's data, through the API. */
class PolicyTemplatesAndClaimsIT extends PlanetaryIT {

    @Test
    void a_saved_template_is_listed_after_the_built_in_ones_and_its_name_is_not_taken_twice() {
        String template = """
                {"name": "region", "description": "rows of the caller's region", "command": "SELECT",
                 "mode": "RESTRICTIVE", "using": "{column} = current_setting('app.region', true)"}""";
        assertThat(api.post("alice", "/api/policy-templates", template).status()).isEqualTo(201);
        JsonNode templates = api.get("victor", "/api/policy-templates").body();
        assertThat(templates.path("builtIn").findValuesAsText("name")).contains("TENANT_ISOLATION", "SOFT_DELETE");
        assertThat(templates.path("saved").findValuesAsText("name")).contains("region");

        Response again = api.post("alice", "/api/policy-templates", template);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().path("field").asText()).isEqualTo("name");

        Response injected = api.post("alice", "/api/policy-templates",
                "{\"name\": \"x\", \"using\": \"true); DROP TABLE app.invoice; --\"}");
        assertThat(injected.status()).isEqualTo(400);
        assertThat(injected.body().path("field").asText()).isEqualTo("using");
        assertThat(api.post("victor", "/api/policy-templates", template.replace("region", "other")).status()).isEqualTo(403);
    }

    @Test
    void the_claims_read_by_policies_are_listed_with_where_they_are_read() {
        STACK.asOwner("CREATE TABLE app.claimed (id int, tenant_id text, owner_sub text)",
                "CREATE POLICY by_tenant ON app.claimed USING (tenant_id = current_setting('app.tenant_id', true))",
                "CREATE POLICY by_sub ON app.claimed USING (owner_sub = current_setting('request.jwt.claims', true)::jsonb ->> 'sub')");
        JsonNode claims = api.get("victor", "/api/catalog/claims").body();
        assertThat(claims.toString()).contains("\"name\":\"app.tenant_id\"", "\"name\":\"sub\"");
        boolean found = false;
        for (JsonNode use : claims) {
            if (use.path("policy").asText().equals("by_sub")) {
                assertThat(use.path("claim").path("source").asText()).isEqualTo("JWT");
                assertThat(use.path("table").asText()).isEqualTo("claimed");
                found = true;
            }
        }
        assertThat(found).isTrue();
    }
}
