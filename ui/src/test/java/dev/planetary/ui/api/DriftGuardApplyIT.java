package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift guard through the whole application: an ALTER TABLE by hand between a change's dry-run
 * and its apply stops the apply (nothing runs) until the change is revised and reviewed again;
 * two changes on one table, approved one after the other, both apply.
 */
class DriftGuardApplyIT extends PlanetaryIT {

    @Test
    void an_alter_table_by_hand_before_the_apply_stops_it_until_a_revision_is_reviewed() throws Exception {
        STACK.asOwner("CREATE TABLE app.drift_guarded (id int PRIMARY KEY, tenant_id text)");
        String policy = """
                {"kind": "create-policy", "table": {"schema": "app", "name": "drift_guarded"}, "name": "guarded_rows",
                 "command": "SELECT", "using": "tenant_id = current_setting('app.tenant_id', true)"}""";
        String id = api.propose("alice", policy).path("id").asText();
        STACK.asOwner("ALTER TABLE app.drift_guarded ADD COLUMN added_by_hand text");

        assertThat(api.approve("bob", id).status()).isEqualTo(200);
        JsonNode drifted = api.awaitStatus(id, "DRIFTED");
        assertThat(drifted.path("status").asText()).isEqualTo("DRIFTED");
        assertThat(drifted.path("failureNote").asText()).contains("definition of \"app\".\"drift_guarded\"");
        assertThat(STACK.targetQuery("SELECT count(*) = 0 FROM pg_policy WHERE polname = 'guarded_rows'")).isTrue();
        assertThat(api.get("victor", "/api/changes/" + id + "/history").body().findValuesAsText("summary"))
                .anyMatch(s -> s.startsWith("Stopped before anything ran: changed outside Planetary"));

        // The requester revises it: a new dry-run on the table as it is now, and a new review.
        assertThat(api.post("alice", "/api/changes/" + id + "/revisions", "{\"spec\": " + policy + "}").status()).isEqualTo(200);
        assertThat(api.get("victor", "/api/changes/" + id).body().path("status").asText()).isEqualTo("PROPOSED");
        api.approve("bob", id);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        assertThat(STACK.targetQuery("SELECT count(*) = 1 FROM pg_policy WHERE polname = 'guarded_rows'")).isTrue();
    }

    @Test
    void two_changes_on_one_table_approved_one_after_the_other_both_apply() {
        STACK.asOwner("CREATE TABLE app.two_changes (id int PRIMARY KEY)");
        String grant = api.propose("alice", """
                {"kind": "table-privilege", "action": "GRANT", "privileges": ["SELECT"],
                 "table": {"schema": "app", "name": "two_changes"}, "grantee": "app_reader"}""").path("id").asText();
        String policy = api.propose("alice", """
                {"kind": "create-policy", "table": {"schema": "app", "name": "two_changes"}, "name": "positive_ids",
                 "command": "SELECT", "using": "id > 0"}""").path("id").asText();

        api.approve("bob", grant);
        api.approve("bob", policy);

        assertThat(api.awaitStatus(grant, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        assertThat(api.awaitStatus(policy, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        assertThat(api.get("victor", "/api/changes/" + policy + "/history").body().findValuesAsText("summary"))
                .anyMatch(s -> s.startsWith("Changed since the dry-run by change " + grant));
    }
}
