package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.query.ChangeIdList;
import dev.planetary.kernel.change.query.WatchChangesQuery;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.Instances;
import dev.planetary.ui.support.ChildApplication;
import dev.planetary.ui.support.TestStack;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of Planetary on one control-plane database, both serving the API: a change proposed
 * on one and approved on the other is applied exactly once, each instance answers with the change as
 * it stands wherever it was projected, and a page watching every change on the instance that does not
 * run the projection hears it move (the other instance tells it through PostgreSQL's NOTIFY).
 * Logs of the other instance: target/two-instances-other.log.
 */
class TwoInstancesIT {

    private static final TestStack STACK = TestStack.create("two");
    private static final SecurityContextHolderStrategy SHARED_CONTEXTS_STRATEGY = SecurityContextHolder.getContextHolderStrategy();

    @AfterAll
    static void restoreSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(SHARED_CONTEXTS_STRATEGY);
    }

    private static ConfigurableApplicationContext start() {
        return Instances.start(STACK, Map.of());
    }

    private static Api api(ConfigurableApplicationContext context) {
        return Instances.api(context);
    }

    @Test
    void a_change_proposed_on_one_instance_and_approved_on_the_other_is_applied_once_and_seen_on_both() throws Exception {
        STACK.asOwner("CREATE TABLE app.two_instances (id int)");
        int port = ChildApplication.freePort();
        // The other instance runs in a JVM of its own (two Vaadin applications in one JVM share one
        // security-context holder); started first, it holds the change projection's segment.
        // It shares its segments once this one has served for 30 s: time for the first part, which needs
        // every change projected over there.
        Map<String, Object> otherProperties = new HashMap<>(STACK.properties());
        otherProperties.put("planetary.instances.settle", "30s");
        try (ChildApplication other = ChildApplication.start("two-instances-other", otherProperties, port,
                Duration.ofMinutes(3)); ConfigurableApplicationContext here = start()) {
            Api one = api(here);
            Api two = new Api(port);
            assertThat(here.getBean(EventProcessingConfiguration.class).eventProcessor("changes", StreamingEventProcessor.class)
                    .orElseThrow().processingStatus()).as("the projection runs on the other instance").isEmpty();
            List<ChangeIdList> heard = new CopyOnWriteArrayList<>();
            try (var watching = watch(here, heard)) {
                JsonNode proposed = one.propose("alice", """
                        {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                         "table":{"schema":"app","name":"two_instances"},"grantee":"karen"}""");
                String id = proposed.path("id").asText();
                assertThat(proposed.path("dryRunStatus").asText()).as(proposed.toString()).isEqualTo("PASSED");

                Api.Response approved = two.approve("bob", id);
                assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
                assertThat(approved.body().path("approvals").size()).as("the answer shows the approval just given").isEqualTo(1);

                for (Api instance : List.of(one, two)) {
                    assertThat(instance.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
                }
                assertThat(STACK.count(STACK.target(), "SELECT count(*) FROM planetary.applied_change WHERE change_id = '" + id + "'"))
                        .isEqualTo(1);
                assertThat(STACK.count(STACK.control(), "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + id
                        + "' AND payload_type LIKE '%ChangeAppliedEvent'")).isEqualTo(1);
                // a page watching every change here hears it move, though it was projected on the other instance
                await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(ids -> ids.ids().contains(ChangeId.of(id))));
            }

            // The other instance lets go of its share: each ends up holding one of the two segments of each projection.
            StreamingEventProcessor changesHere = here.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("changes", StreamingEventProcessor.class).orElseThrow();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(changesHere.processingStatus()).as("segments of 'changes' held here").hasSize(1);
                assertThat(STACK.count(STACK.control(), "SELECT count(DISTINCT owner) FROM token_entry"
                        + " WHERE processor_name IN ('changes', 'history') AND owner IS NOT NULL")).isEqualTo(2);
            });
            assertThat(STACK.count(STACK.control(), "SELECT count(*) FROM planetary_instance")).as("both registered").isEqualTo(2);
            // and a change still goes through whichever instance projects it
            String second = one.propose("alice", """
                    {"kind":"table-privilege","action":"GRANT","privileges":["INSERT"],
                     "table":{"schema":"app","name":"two_instances"},"grantee":"karen"}""").path("id").asText();
            assertThat(two.approve("bob", second).status()).isEqualTo(200);
            for (Api instance : List.of(one, two)) {
                assertThat(instance.awaitStatus(second, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
            }
        }
    }

    /** What a page watching every change hears on this instance. */
    private static AutoCloseable watch(ConfigurableApplicationContext instance, List<ChangeIdList> heard) {
        SubscriptionQueryResult<ChangeIdList, ChangeIdList> feed = instance.getBean(QueryGateway.class).subscriptionQuery(
                new WatchChangesQuery(), ResponseTypes.instanceOf(ChangeIdList.class), ResponseTypes.instanceOf(ChangeIdList.class));
        feed.updates().subscribe(heard::add);
        return feed::cancel;
    }
}
