package dev.planetary.ui.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final SignInThrottle throttle = new SignInThrottle(clock, 5, 8, Duration.ofMinutes(15));

    @Test
    void a_login_waits_after_its_fifth_failure_and_each_further_failure_doubles_the_wait() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("karen", "10.0.0.1");
            assertThat(throttle.waitFor("karen", "10.0.0.1")).isEmpty();
        }
        throttle.failed("karen", "10.0.0.1");
        assertThat(throttle.waitFor("karen", "10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("karen", "10.0.0.2")).as("from anywhere").contains(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("bob", "10.0.0.3")).as("other logins are not held up").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("karen", "10.0.0.1")).isEmpty();
        throttle.failed("karen", "10.0.0.1");
        assertThat(throttle.waitFor("karen", "10.0.0.1")).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("karen", "10.0.0.1");
        assertThat(throttle.waitFor("karen", "10.0.0.1")).contains(Duration.ofSeconds(4));
    }

    @Test
    void a_sign_in_forgets_the_logins_failures_and_the_window_forgets_old_ones() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("karen", "10.0.0.1");
        }
        throttle.succeeded("karen");
        assertThat(throttle.waitFor("karen", "10.0.0.9")).isEmpty();

        for (int i = 0; i < 5; i++) {
            throttle.failed("dave", "10.0.0.9");
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.waitFor("dave", "10.0.0.9")).isEmpty();
    }

    @Test
    void an_address_trying_many_logins_waits_whatever_login_it_tries_next() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("guess" + i, "203.0.113.7");
        }
        Optional<Duration> wait = throttle.waitFor("alice", "203.0.113.7");
        assertThat(wait).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("alice", "10.0.0.1")).as("alice from her own address").isEmpty();
    }
}
