package dev.planetary.ui.api;

import dev.planetary.kernel.request.RequestKey;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on the API's POSTs: a request sent again takes effect once and gets the
 * first answer; the key with another request, or a malformed key, is refused and stores nothing;
 * and a request whose instance died between its effect and keeping its answer runs again on retry
 * without taking effect twice (the commands carry the key).
 */
class IdempotencyIT extends PlanetaryIT {

    @BeforeAll
    static void table() {
        STACK.asOwner("CREATE TABLE IF NOT EXISTS app.idem_probe (id int)");
    }

    private static String grant(String title) {
        return """
                {"title": "%s", "spec": {"kind": "table-privilege", "action": "GRANT", "privileges": ["SELECT"],
                 "table": {"schema": "app", "name": "idem_probe"}, "grantee": "karen"}}""".formatted(title);
    }

    @Test
    void a_proposal_sent_twice_with_one_key_is_stored_once_and_answered_the_same() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "idem " + key;
        Api.Response first = api.post("alice", "/api/changes", grant(title), key);
        Api.Response again = api.post("alice", "/api/changes", grant(title), key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(proposalsTitled(title)).isEqualTo(1);
    }

    @Test
    void the_key_sent_with_another_request_is_refused_and_stores_nothing() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(api.post("alice", "/api/changes", grant("first " + key), key).status()).isEqualTo(201);

        Api.Response other = api.post("alice", "/api/changes", grant("second " + key), key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency_key_reused");
        assertThat(other.body().path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(proposalsTitled("second " + key)).isZero();
    }

    @Test
    void a_malformed_key_is_refused_naming_the_header_and_stores_nothing() throws Exception {
        String title = "malformed " + UUID.randomUUID();
        for (String bad : List.of("x".repeat(256), "two words", "")) {
            Api.Response refused = api.post("alice", "/api/changes", grant(title), bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body().path("field").asText()).isEqualTo("Idempotency-Key");
        }
        assertThat(proposalsTitled(title)).isZero();
    }

    @Test
    void keys_belong_to_the_person_who_sends_them() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "shared key " + key;
        String alices = api.post("alice", "/api/changes", grant(title), key).body().path("id").asText();
        String daves = api.post("dave", "/api/changes", grant(title), key).body().path("id").asText();
        assertThat(daves).isNotEqualTo(alices);
        assertThat(proposalsTitled(title)).isEqualTo(2);
    }

    @Test
    void a_request_whose_instance_died_before_keeping_its_answer_runs_again_on_retry_without_taking_effect_twice() throws Exception {
        String proposing = UUID.randomUUID().toString();
        String title = "cut off " + proposing;
        String id = api.post("alice", "/api/changes", grant(title), proposing).body().path("id").asText();
        String approving = UUID.randomUUID().toString();
        assertThat(api.post("bob", "/api/changes/" + id + "/approvals", "{\"comment\": \"ok\"}", approving).status()).isEqualTo(200);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");

        // As if the instance had been killed after the effect and before the answer was kept: its lease ran out.
        try (var control = STACK.control(); var sql = control.createStatement()) {
            assertThat(sql.executeUpdate("UPDATE idempotent_request SET state = 'RUNNING', lease_until = now() - interval '1 second',"
                    + " status = NULL, body = NULL, location = NULL WHERE request_key IN ('" + RequestKey.of("alice", proposing).value()
                    + "', '" + RequestKey.of("bob", approving).value() + "')")).isEqualTo(2);
        }

        Api.Response proposedAgain = api.post("alice", "/api/changes", grant(title), proposing);
        assertThat(proposedAgain.status()).as(proposedAgain.toString()).isEqualTo(201);
        assertThat(proposedAgain.body().path("id").asText()).isEqualTo(id);
        assertThat(proposalsTitled(title)).isEqualTo(1);

        Api.Response approvedAgain = api.post("bob", "/api/changes/" + id + "/approvals", "{\"comment\": \"ok\"}", approving);
        assertThat(approvedAgain.status()).as(approvedAgain.toString()).isEqualTo(200);
        assertThat(STACK.count(STACK.control(), "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + id
                + "' AND payload_type LIKE '%ApprovalGivenEvent'")).isEqualTo(1);
    }

    @Test
    void the_same_request_sent_twice_at_once_takes_effect_once() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "at once " + key;
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Callable<Api.Response> send = () -> api.post("alice", "/api/changes", grant(title), key);
            List<Future<Api.Response>> sent = new ArrayList<>(List.of(clients.submit(send), clients.submit(send)));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> response : sent) {
                statuses.add(response.get().status());
            }
            // the second is answered the first's 201, or told the first is still being served
            assertThat(statuses).contains(201).allMatch(status -> status == 201 || status == 409);
        } finally {
            clients.shutdown();
        }
        assertThat(proposalsTitled(title)).isEqualTo(1);
    }

    private static long proposalsTitled(String title) throws SQLException {
        return STACK.count(STACK.control(), "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ChangeProposedEvent'"
                + " AND convert_from(payload, 'UTF8') LIKE '%" + title.replace("'", "''") + "%'");
    }
}
