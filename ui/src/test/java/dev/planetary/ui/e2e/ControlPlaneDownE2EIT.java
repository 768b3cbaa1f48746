package dev.planetary.ui.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.ChildApplication;
import dev.planetary.ui.support.ExecutorLock;
import dev.planetary.ui.support.TcpProxy;
import dev.planetary.ui.support.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Planetary's own database (the event store and the read models) goes away while a change is being
 * applied on its target: the API answers 503 {@code control_plane_unavailable} with Retry-After and
 * stores nothing; the apply commits on the target, and once the database is back the change is
 * recorded applied exactly once (from the target's ledger), and a request refused meanwhile goes
 * through with the same Idempotency-Key; a page opened meanwhile says in words what is down (screenshot
 * target/e2e-screenshots/control-plane-down.png). The application runs as a child JVM whose connection to its
 * database passes through a {@link TcpProxy} the test cuts (the database server itself is shared).
 */
class ControlPlaneDownE2EIT {

    private static final TestStack STACK = TestStack.create("cpdown");

    private static TcpProxy proxy;
    private static ChildApplication application;
    private static Api api;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        STACK.asOwner("CREATE TABLE app.cp_down (id int)", "CREATE TABLE app.cp_down_later (id int)");
        proxy = new TcpProxy(STACK.server.port());
        Map<String, Object> properties = STACK.properties();
        properties.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + STACK.controlDatabase);
        port = ChildApplication.freePort();
        application = ChildApplication.start("control-plane-down", properties, port, Duration.ofMinutes(2));
        api = new Api(port);
    }

    @AfterAll
    static void stop() throws Exception {
        if (application != null) {
            application.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void with_its_database_gone_planetary_refuses_in_words_and_records_the_apply_once_when_it_is_back() throws Exception {
        String id = api.propose("alice", grant("cp_down")).path("id").asText();
        ExecutorLock lock = ExecutorLock.hold(STACK.target());
        assertThat(api.approve("bob", id).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> lock.waitingApplies() > 0);
        Browser browser = Browser.open(port);
        browser.signIn("victor");

        proxy.cut();
        browser.get("/history");
        String said = browser.waiting(Duration.ofSeconds(40)).until(driver -> driver.findElements(By.id("control-plane-down")).stream()
                .findFirst().map(title -> driver.findElement(By.tagName("body")).getText()).orElse(null));
        assertThat(said).contains("Planetary's database cannot be reached").contains("nothing was changed");
        browser.shot("control-plane-down");
        browser.close();
        Api.Response refused = api.post("alice", "/api/changes", "{\"spec\":" + grant("cp_down_later") + "}", "cp-down-later-1");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("control_plane_unavailable");
        assertThat(refused.body().path("message").asText()).contains("Planetary's own database cannot be reached");
        Api.Response listing = api.get("victor", "/api/changes");
        assertThat(listing.status()).as(listing.toString()).isEqualTo(503);
        assertThat(listing.code()).isEqualTo("control_plane_unavailable");

        // The apply goes on on the target and commits with its ledger row; its outcome cannot be recorded yet.
        lock.release();
        await().atMost(Duration.ofSeconds(20)).until(() -> ledgerRows(id) == 1);
        proxy.restore();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(api.get("victor", "/api/changes/" + id).body().path("status").asText()).isEqualTo("APPLIED"));
        assertThat(ledgerRows(id)).as("applied once on the target").isEqualTo(1);
        assertThat(STACK.count(STACK.control(), "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + id
                + "' AND payload_type LIKE '%ChangeAppliedEvent'")).as("one applied event").isEqualTo(1);
        assertThat(STACK.count(STACK.control(), "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + id
                + "' AND payload_type LIKE '%ChangeFailedEvent'")).as("nothing failed").isZero();

        // The proposal refused while the database was down stored nothing: sent again with its key, it is stored once.
        long proposedBefore = proposals();
        Api.Response again = api.post("alice", "/api/changes", "{\"spec\":" + grant("cp_down_later") + "}", "cp-down-later-1");
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(proposals()).isEqualTo(proposedBefore + 1);
        lock.close();
    }

    private static String grant(String table) {
        return """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],"table":{"schema":"app","name":"%s"},
                 "grantee":"app_reader"}""".formatted(table);
    }

    private static long proposals() throws SQLException {
        return STACK.count(STACK.control(), "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ChangeProposedEvent'");
    }

    private static long ledgerRows(String changeId) throws SQLException {
        return STACK.count(STACK.target(), "SELECT count(*) FROM planetary.applied_change WHERE change_id = '" + changeId + "'");
    }
}
