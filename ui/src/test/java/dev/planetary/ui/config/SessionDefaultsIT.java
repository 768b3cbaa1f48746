package dev.planetary.ui.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * role-setting and database-setting on the real server: a role's search_path (a list, each element quoted)
 * and statement_timeout are what its next login gets, a database's own default is what a new session there
 * gets, each inverse puts back what pg_db_role_setting held, and what sessions cannot set is a 400 naming the field.
 */
class SessionDefaultsIT extends KaribuIT {

    @AfterAll
    static void putBack() {
        STACK.asOwner("ALTER ROLE karen RESET ALL", "ALTER ROLE karen IN DATABASE " + quoted(STACK.targetDatabase) + " RESET ALL",
                "ALTER DATABASE " + quoted(STACK.targetDatabase) + " RESET default_statistics_target");
    }

    @Test
    void a_roles_defaults_are_what_its_next_login_gets_and_the_inverse_puts_them_back() throws Exception {
        String path = api.applied("alice", "bob", """
                {"kind": "role-setting", "role": "karen", "parameter": "search_path", "value": "\\"$user\\", app"}""");
        assertThat(asKaren("SHOW search_path")).isEqualTo("\"$user\", app");
        api.applied("alice", "bob", """
                {"kind": "role-setting", "role": "karen", "database": "%s", "parameter": "statement_timeout", "value": "45s"}"""
                .formatted(STACK.targetDatabase));
        assertThat(asKaren("SHOW statement_timeout")).isEqualTo("45s");
        JsonNode roleSettings = api.get("victor", "/api/config").body().path("roleSettings");
        assertThat(roleSettings.toString()).contains("\"role\":\"karen\",\"database\":\"" + STACK.targetDatabase
                + "\",\"parameter\":\"statement_timeout\",\"value\":\"45s\"");

        // a second change of the same default: its inverse is the first one's value
        String again = api.applied("alice", "bob", """
                {"kind": "role-setting", "role": "karen", "parameter": "search_path", "value": "app"}""");
        assertThat(asKaren("SHOW search_path")).isEqualTo("app");
        assertThat(inverseOf(again)).isEqualTo("ALTER ROLE \"karen\" SET \"search_path\" = E'$user', E'app'");
        assertThat(inverseOf(path)).isEqualTo("ALTER ROLE \"karen\" RESET \"search_path\"");
    }

    @Test
    void the_databases_own_default_is_what_a_new_session_there_gets() throws Exception {
        String id = api.applied("alice", "bob", """
                {"kind": "database-setting", "parameter": "default_statistics_target", "value": "250"}""");
        JsonNode change = api.get("victor", "/api/changes/" + id).body();
        assertThat(change.path("spec").path("database").asText()).as("the target's own, read at proposal").isEqualTo(STACK.targetDatabase);
        assertThat(asKaren("SHOW default_statistics_target")).isEqualTo("250");
        api.applied("alice", "bob", """
                {"kind": "database-setting", "parameter": "default_statistics_target", "reset": true}""");
        assertThat(asKaren("SHOW default_statistics_target")).isEqualTo("100");
    }

    @Test
    void what_sessions_cannot_set_or_what_does_not_exist_is_a_400_naming_the_field() {
        Response serverWide = api.post("alice", "/api/changes",
                "{\"spec\": {\"kind\": \"role-setting\", \"role\": \"karen\", \"parameter\": \"shared_buffers\", \"value\": \"1GB\"}}");
        assertThat(serverWide.status()).isEqualTo(400);
        assertThat(serverWide.body().path("field").asText()).isEqualTo("spec.parameter");
        assertThat(serverWide.body().toString()).contains("alter-system");
        Response nobody = api.post("alice", "/api/changes",
                "{\"spec\": {\"kind\": \"role-setting\", \"role\": \"nobody_here\", \"parameter\": \"work_mem\", \"value\": \"8MB\"}}");
        assertThat(nobody.body().path("field").asText()).isEqualTo("spec.role");
        Response badValue = api.post("alice", "/api/changes",
                "{\"spec\": {\"kind\": \"database-setting\", \"parameter\": \"work_mem\", \"value\": \"lots\"}}");
        assertThat(badValue.body().path("field").asText()).isEqualTo("spec.value");
    }

    private String inverseOf(String id) {
        return api.get("victor", "/api/changes/" + id).body().path("plan").path("inverse").get(0).path("sql").asText();
    }

    private static String asKaren(String sql) throws Exception {
        try (Connection karen = STACK.targetAs("karen", Api.password("karen")); Statement statement = karen.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
