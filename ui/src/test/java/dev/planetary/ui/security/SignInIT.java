package dev.planetary.ui.security;

import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sign-in attempts are throttled per login (and per address), recorded with their outcome, and
 * readable by operators and auditors; the UI's pages say who may load and frame them.
 */
class SignInIT extends PlanetaryIT {

    @Autowired
    private SignInThrottle throttle;
    @Autowired
    private SignInLog signIns;

    /**
     * A login of its own: a password checked in the last minute is remembered (and lets its owner in
     * whatever the throttle says, since only the right password matches), and other tests sign in as
     * the demo people all the time.
     */
    @BeforeAll
    static void ownLogin() {
        STACK.asOwner("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tess') THEN"
                + " CREATE ROLE tess LOGIN PASSWORD 'demo-tess'; END IF; END $$", "GRANT planetary_viewer TO tess");
    }

    @AfterEach
    void forgetFailures() {
        throttle.clear();
    }

    @Test
    void five_wrong_passwords_hold_the_login_back_without_asking_postgres_then_it_signs_in_again() {
        java.time.Instant started = java.time.Instant.now().minusSeconds(1);
        for (int i = 0; i < 5; i++) {
            assertThat(api.getWithPassword("tess", "guess-" + i, "/api/me").status()).isEqualTo(401);
        }
        Api.Response held = api.getWithPassword("tess", "demo-tess", "/api/me");
        assertThat(held.status()).as("even the right password waits").isEqualTo(429);
        assertThat(held.code()).isEqualTo("sign_in_throttled");
        assertThat(held.body().path("message").asText()).contains("try again in");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.getWithPassword("tess", "demo-tess", "/api/me").status() == 200);
        List<SignInLog.Outcome> outcomes = signIns.latest("tess", 100).stream().filter(entry -> entry.at().isAfter(started))
                .map(SignInLog.Entry::outcome).toList();
        assertThat(outcomes.get(0)).isEqualTo(SignInLog.Outcome.SIGNED_IN);
        assertThat(outcomes).contains(SignInLog.Outcome.THROTTLED)
                .filteredOn(outcome -> outcome == SignInLog.Outcome.FAILED).hasSize(5);
        assertThat(signIns.latest("tess", 1).get(0).channel()).isEqualTo("API");
    }

    @Test
    void operators_and_auditors_read_the_sign_in_record_and_others_may_not() {
        api.getWithPassword("karen", "not-her-password", "/api/me");
        Api.Response record = api.get("victor", "/api/sign-ins?login=karen&limit=5");
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.body().get(0).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(record.body().get(0).path("clientAddress").asText()).isNotBlank();
        assertThat(record.toString()).doesNotContain("not-her-password");
        assertThat(api.get("bob", "/api/sign-ins").status()).isEqualTo(200);
        assertThat(api.get("alice", "/api/sign-ins").status()).isEqualTo(403);
    }

    @Test
    void the_ui_says_that_only_planetary_may_load_and_frame_its_pages() throws Exception {
        HttpResponse<Void> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
