package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog through the REST API, read by the metadata-only role of the application. */
class CatalogApiIT extends PlanetaryIT {

    @Test
    void a_table_page_has_all_its_parts() {
        Response response = api.get("victor", "/api/catalog/tables/app/invoice");
        assertThat(response.status()).isEqualTo(200);
        JsonNode table = response.body();
        assertThat(table.path("table").path("owner").asText()).isEqualTo("planetary_ddl");
        assertThat(table.path("columns").findValuesAsText("name")).startsWith("id", "tenant_id", "customer_id");
        assertThat(table.path("constraints").findValuesAsText("kind")).contains("PRIMARY_KEY", "FOREIGN_KEY", "CHECK");
        assertThat(table.path("indexes").findValuesAsText("name")).contains("invoice_pkey", "invoice_tenant_idx");
        assertThat(table.path("dependentViews").findValuesAsText("name")).contains("open_invoices");
        assertThat(table.path("fingerprint").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void what_a_drop_cascade_would_remove_is_listed() {
        Response response = api.get("victor", "/api/catalog/relations/app/invoice/dependents");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().findValuesAsText("description")).contains("view app.open_invoices");
    }

    @Test
    void the_metadata_role_reads_no_rows_yet_sees_every_table() throws Exception {
        assertThat(STACK.targetQuery("SELECT NOT has_table_privilege('planetary_meta', 'app.invoice', 'SELECT')")).isTrue();
        assertThat(api.get("victor", "/api/catalog/tables?schema=app").body().findValuesAsText("name"))
                .contains("customer", "invoice");
    }

    @Test
    void the_privilege_matrix_narrows_to_one_grantee() {
        STACK.asOwner("CREATE TABLE app.matrix_probe (id int)", "GRANT INSERT ON app.matrix_probe TO karen");

        JsonNode karen = api.get("victor", "/api/catalog/privileges?schema=app&grantee=karen").body();
        assertThat(karen.findValuesAsText("grantee")).isNotEmpty().containsOnly("karen");
        assertThat(karen.findValuesAsText("object")).contains("matrix_probe");

        JsonNode everyone = api.get("victor", "/api/catalog/privileges?schema=app&grantee=PUBLIC").body();
        assertThat(everyone.findValuesAsText("grantee")).isNotEmpty().containsOnly("PUBLIC");
    }

    @Test
    void an_unknown_table_is_404_and_rights_are_required() {
        Response missing = api.get("victor", "/api/catalog/tables/app/nothing_here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("not_found");
        assertThat(api.get("karen", "/api/catalog/schemas").status()).isEqualTo(403);
    }
}
