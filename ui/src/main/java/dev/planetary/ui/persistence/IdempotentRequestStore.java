package dev.planetary.ui.persistence;

import dev.planetary.kernel.request.RequestKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers to API requests sent with an {@code Idempotency-Key}, in the control-plane database
 * so that every instance and every restart sees them. A request being served holds a lease that
 * its instance renews; a lease that runs out means that instance died, and a retry may run the
 * request again (the commands it sends are keyed too, so nothing takes effect twice).
 */
@Repository
public class IdempotentRequestStore {

    /** What a request's key finds. */
    public sealed interface Claim {
    }

    /** Nobody served it yet (or whoever did died): this instance runs it. */
    public record Owned() implements Claim {
    }

    /** Served before: its answer, to send again. */
    public record Answered(int status, String contentType, String location, byte[] body) implements Claim {
    }

    /** Another request was sent with this key. */
    public record Mismatched() implements Claim {
    }

    /** Being served right now, by this or another instance. */
    public record InFlight() implements Claim {
    }

    private static final Duration LEASE = Duration.ofSeconds(20);

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Set<String> serving = ConcurrentHashMap.newKeySet();

    public IdempotentRequestStore(JdbcTemplate jdbc, @Value("${planetary.api.idempotency-retention:P1D}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    public Claim claim(RequestKey key, String requestHash) {
        int inserted = jdbc.update("INSERT INTO idempotent_request (request_key, request_hash, state, lease_until)"
                + " VALUES (?, ?, 'RUNNING', now() + ?::interval) ON CONFLICT DO NOTHING", key.value(), requestHash, lease());
        int takenOver = inserted == 1 ? 0 : jdbc.update("UPDATE idempotent_request SET lease_until = now() + ?::interval"
                + " WHERE request_key = ? AND request_hash = ? AND state = 'RUNNING' AND lease_until < now()",
                lease(), key.value(), requestHash);
        if (inserted + takenOver == 1) {
            serving.add(key.value());
            return new Owned();
        }
        List<Claim> found = jdbc.query("SELECT request_hash, state, status, content_type, location, body"
                + " FROM idempotent_request WHERE request_key = ?", (row, n) -> {
                    if (!row.getString("request_hash").equals(requestHash)) {
                        return new Mismatched();
                    }
                    return "DONE".equals(row.getString("state")) ? new Answered(row.getInt("status"), row.getString("content_type"),
                            row.getString("location"), row.getBytes("body")) : new InFlight();
                }, key.value());
        // gone between the two statements (answered with a server error and released): it is free again
        return found.isEmpty() ? claim(key, requestHash) : found.get(0);
    }

    public void answer(RequestKey key, int status, String contentType, String location, byte[] body) {
        jdbc.update("UPDATE idempotent_request SET state = 'DONE', status = ?, content_type = ?, location = ?, body = ?"
                + " WHERE request_key = ?", status, contentType, location, body, key.value());
        serving.remove(key.value());
    }

    /** A request that failed on the server's side: it may be sent again and run again. */
    public void release(RequestKey key) {
        jdbc.update("DELETE FROM idempotent_request WHERE request_key = ? AND state = 'RUNNING'", key.value());
        serving.remove(key.value());
    }

    @Scheduled(fixedDelay = 5_000)
    void renewLeases() {
        if (!serving.isEmpty()) {
            jdbc.update("UPDATE idempotent_request SET lease_until = now() + ?::interval WHERE request_key = ANY (?)"
                    + " AND state = 'RUNNING'", lease(), serving.toArray(String[]::new));
        }
    }

    /** Answers are kept {@code planetary.api.idempotency-retention} (a day): a retry comes within minutes. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    void forgetOldAnswers() {
        jdbc.update("DELETE FROM idempotent_request WHERE state = 'DONE' AND created_at < now() - ?::interval",
                retention.toSeconds() + " seconds");
    }

    private static String lease() {
        return LEASE.toSeconds() + " seconds";
    }
}
