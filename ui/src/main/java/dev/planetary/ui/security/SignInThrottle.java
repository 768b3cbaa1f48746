package dev.planetary.ui.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, per login and per client address: every sign-in attempt that is
 * not remembered opens a connection to PostgreSQL, so an unthrottled form is a way to load the
 * target and to try passwords at its speed. Past {@code limit} failures within the window, each
 * further attempt waits twice as long as the one before (1 s, 2 s, 4 s, ... up to the window),
 * counted from the last failure; attempts that must wait are refused without asking PostgreSQL.
 * A successful sign-in forgets the login's failures. Counted in this instance's memory.
 */
@Component
public class SignInThrottle {

    private final Clock clock;
    private final int perLogin;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failuresByLogin = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();

    public SignInThrottle(Clock clock,
                          @Value("${planetary.security.sign-in.failures-per-login:5}") int perLogin,
                          @Value("${planetary.security.sign-in.failures-per-address:30}") int perAddress,
                          @Value("${planetary.security.sign-in.window:PT15M}") Duration window) {
        this.clock = clock;
        this.perLogin = perLogin;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** How long {@code login} from {@code address} must still wait before an attempt is checked; empty: now. */
    public Optional<Duration> waitFor(String login, String address) {
        Instant now = clock.instant();
        Duration wait = max(waitFor(failuresByLogin.get(login), perLogin, now), waitFor(failuresByAddress.get(address), perAddress, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String login, String address) {
        Instant now = clock.instant();
        record(failuresByLogin, login, now);
        record(failuresByAddress, address, now);
    }

    public void succeeded(String login) {
        failuresByLogin.remove(login);
    }

    /** Forgets every failure: an operator lifting a lock after a known incident, or a test starting clean. */
    public void clear() {
        failuresByLogin.clear();
        failuresByAddress.clear();
    }

    private Duration waitFor(Deque<Instant> failures, int limit, Instant now) {
        if (failures == null) {
            return Duration.ZERO;
        }
        synchronized (failures) {
            prune(failures, now);
            if (failures.size() < limit) {
                return Duration.ZERO;
            }
            long seconds = 1L << Math.min(failures.size() - limit, 30);
            Duration backoff = Duration.ofSeconds(seconds).compareTo(window) > 0 ? window : Duration.ofSeconds(seconds);
            Duration left = Duration.between(now, failures.peekLast().plus(backoff));
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    private void record(Map<String, Deque<Instant>> failures, String key, Instant now) {
        if (key == null) {
            return;
        }
        Deque<Instant> times = failures.computeIfAbsent(key, ignored -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
            times.removeFirst();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
