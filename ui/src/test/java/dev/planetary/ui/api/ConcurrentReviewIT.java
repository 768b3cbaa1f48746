package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People acting on one change at the same moment: two reviewers approving give one approval
 * decision, and a revision racing an approval never has the new revision approved by a reviewer
 * who read the old one, nor the old one applied after it was revised.
 */
class ConcurrentReviewIT extends PlanetaryIT {

    private static final String GRANT = """
            {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
             "table":{"schema":"app","name":"concurrent_probe"},"grantee":"%s"}""";

    @BeforeAll
    static void table() {
        STACK.asOwner("CREATE TABLE IF NOT EXISTS app.concurrent_probe (id int)");
    }

    @Test
    void two_reviewers_approving_at_once_give_one_approval_decision() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = api.propose("alice", GRANT.formatted("karen")).path("id").asText();
            List<Api.Response> answers = atOnce(
                    () -> api.approve("bob", id),
                    () -> api.approve("carol", id));
            assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
            assertThat(events(id, "ApprovalGivenEvent")).isEqualTo(1);
            assertThat(events(id, "ChangeApprovedEvent")).isEqualTo(1);
            assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        }
    }

    @Test
    void a_revision_racing_an_approval_is_never_applied_unreviewed_and_the_old_one_never_after_it() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = api.propose("alice", GRANT.formatted("karen")).path("id").asText();
            List<Api.Response> answers = atOnce(
                    () -> api.post("alice", "/api/changes/" + id + "/revisions", "{\"spec\":" + GRANT.formatted("app_reader") + "}"),
                    () -> api.post("bob", "/api/changes/" + id + "/approvals", "{\"revision\": 1}"));
            Api.Response revised = answers.get(0);
            Api.Response approved = answers.get(1);
            if (approved.status() == 200) {
                // the approval came first: revision 1 is applied, the revision is refused
                assertThat(revised.status()).as(revised.toString()).isEqualTo(409);
                JsonNode change = api.awaitStatus(id, "APPLIED");
                assertThat(change.path("revision").asInt()).isEqualTo(1);
                assertThat(change.path("spec").path("grantee").asText()).isEqualTo("karen");
            } else {
                // the revision came first: the approval of revision 1 is refused, revision 2 waits for review
                assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
                assertThat(approved.code()).as(approved.toString()).isEqualTo("wrong_state");
                assertThat(api.get("victor", "/api/changes/" + id).body().path("status").asText()).isEqualTo("PROPOSED");
                assertThat(events(id, "ApprovalGivenEvent")).isZero();
            }
        }
    }

    @SafeVarargs
    private static List<Api.Response> atOnce(Callable<Api.Response>... requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(requests.length);
        CyclicBarrier start = new CyclicBarrier(requests.length);
        try {
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (Callable<Api.Response> request : requests) {
                sent.add(clients.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            clients.shutdown();
        }
    }

    private static long events(String id, String type) throws Exception {
        return STACK.count(STACK.control(), "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + id
                + "' AND payload_type LIKE '%" + type + "'");
    }
}
