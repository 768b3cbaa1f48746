package dev.planetary.query.target;

import dev.planetary.kernel.target.TargetHealth;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.target.MetadataTargets.MetadataTarget;
import jakarta.annotation.PreDestroy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every few seconds that each target answers: a connection from its metadata pool and the
 * server's version, within seconds (the pool gives up on an unreachable server after five). Each
 * target is checked on a worker of its own turn, and a check still running is not started again,
 * so one target that hangs delays no other's. Pages show the last result, never wait for a check.
 */
@Component
public class TargetHealthChecks {

    private static final int QUERY_TIMEOUT_SECONDS = 3;

    private final MetadataTargets targets;
    private final Clock clock;
    private final PerTargetWorkers workers;
    private final Map<TargetId, TargetHealth> last = new ConcurrentHashMap<>();

    public TargetHealthChecks(MetadataTargets targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
        this.workers = new PerTargetWorkers("target-health");
    }

    /** The last check's result (UNKNOWN before the first). */
    public TargetHealth of(TargetId target) {
        return last.getOrDefault(target, TargetHealth.unknown());
    }

    @Scheduled(fixedDelayString = "${planetary.targets-health.every:10s}", initialDelay = 0)
    public void checkAll() {
        checkRound();
    }

    /** A round of checks; answers, for each target checked in it, when its check has ended. */
    public Map<TargetId, CompletableFuture<Void>> checkRound() {
        return workers.forEach(targets.all(), target -> last.put(target.id(), check(target)));
    }

    /** One check of one target, now. */
    public TargetHealth check(MetadataTarget target) {
        long started = System.nanoTime();
        try (Connection connection = target.database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet version = statement.executeQuery("SELECT current_setting('server_version')")) {
                version.next();
                return new TargetHealth(TargetHealth.Status.UP, (System.nanoTime() - started) / 1_000_000,
                        version.getString(1), null, clock.instant());
            }
        } catch (SQLException | RuntimeException e) {
            return new TargetHealth(TargetHealth.Status.UNREACHABLE, null, null, problem(e), clock.instant());
        }
    }

    /** What went wrong, in the driver's words, without the URL or a stack trace. */
    private static String problem(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    @PreDestroy
    void stop() {
        workers.close();
    }
}
