package dev.planetary.ui.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.query.audit.AuditProperties;
import dev.planetary.ui.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command: with nothing configured, Planetary starts its embedded servers (control
 * plane, demo target, audit server), and the printed demo logins work end to end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"planetary.embedded.enabled=true",
        "planetary.embedded.data-dir=target/embedded-default-it", "planetary.embedded.fresh=true"})
@org.springframework.test.annotation.DirtiesContext
class EmbeddedDefaultIT {

    /**
     * Starting a second application context installs its own security-context strategy globally
     * (Vaadin's), while the shared test context's method security keeps the one it started with:
     * the strategy in force before this class is put back after it, or later tests that sign in
     * would sign in where method security does not look.
     */
    private static final org.springframework.security.core.context.SecurityContextHolderStrategy BEFORE =
            org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy();

    @org.junit.jupiter.api.AfterAll
    static void restoreSecurityContextStrategy() {
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(BEFORE);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private AuditProperties audit;

    @Autowired
    private org.springframework.core.env.Environment environment;

    @Test
    void the_embedded_default_runs_a_change_end_to_end_and_mirrors_it_to_its_audit_server() throws Exception {
        Api api = new Api(port);
        assertThat(api.get("alice", "/api/me").status()).isEqualTo(200);
        JsonNode proposed = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"customer"},"grantee":"karen"}""");
        String id = proposed.path("id").asText();
        assertThat(proposed.path("dryRunStatus").asText()).isEqualTo("PASSED");
        assertThat(api.approve("bob", id).status()).isEqualTo(200);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        // The demo's second target, staging: the change is promoted there and dry-run on it.
        assertThat(api.get("victor", "/api/targets").body().findValuesAsText("id")).contains("default", "staging");
        Api.Response promoted = api.post("alice", "/api/changes/" + id + "/promotions", "{\"target\": \"staging\"}");
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(201);
        assertThat(promoted.body().path("dryRunStatus").asText()).isEqualTo("PASSED");

        // The demo database offered for registration passes its connection test with the credentials printed at start.
        Api.Response asked = api.post("bob", "/api/targets", """
                {"target": "demo-eu", "environment": "prod", "url": "%s", "metadataLogin": "demo-meta", "ddlLogin": "demo-ddl"}"""
                .formatted(environment.getProperty(EmbeddedDefault.REGISTRABLE_URL)));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
                () -> api.get("bob", "/api/targets/registrations/demo-eu").body().path("test").path("checks").toString(),
                checks -> checks.contains("reads no rows") && !checks.contains("FAILED") && !checks.contains("WARNING"));
        assertThat(api.post("carol", "/api/targets/registrations/demo-eu/approval", "{}").status()).isEqualTo(200);

        assertThat(audit.enabled()).isTrue();
        long deadline = System.nanoTime() + 20_000_000_000L;
        long rows = 0;
        while (rows < 4 && System.nanoTime() < deadline) {
            try (Connection owner = DriverManager.getConnection(audit.url(), audit.owner().username(), audit.owner().password());
                 Statement sql = owner.createStatement();
                 ResultSet count = sql.executeQuery("SELECT count(*) FROM audit.schema_change WHERE change_id = '" + id + "'")) {
                count.next();
                rows = count.getLong(1);
            }
            Thread.sleep(200);
        }
        assertThat(rows).as("proposed, dry-run is not mirrored, approval, approved, applied").isGreaterThanOrEqualTo(4);
    }
}
