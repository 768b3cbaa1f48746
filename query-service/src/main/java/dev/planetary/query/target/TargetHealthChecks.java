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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Checks every few seconds that each target answers: a connection from its metadata pool and the
 * server's version, within seconds (the pool gives up on an unreachable server after five). Each
 * target is checked on a worker of its own turn, and a check still running is not started again,
 * so one target that hangs delays no other's. Pages show the last result, never wait for a check.
 */
@Component
public class TargetHealthChecks {

    /** Enough that targets which do not answer (each holds a worker up to 5 s) leave workers for the others. */
    private static final int WORKERS = 16;
    private static final int QUERY_TIMEOUT_SECONDS = 3;

    private final MetadataTargets targets;
    private final Clock clock;
    private final ExecutorService workers;
    private final Map<TargetId, TargetHealth> last = new ConcurrentHashMap<>();
    private final Set<TargetId> checking = ConcurrentHashMap.newKeySet();

    public TargetHealthChecks(MetadataTargets targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(Math.min(WORKERS, targets.all().size()), runnable -> {
            Thread thread = new Thread(runnable, "planetary-target-health");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The last check's result (UNKNOWN before the first). */
    public TargetHealth of(TargetId target) {
        return last.getOrDefault(target, TargetHealth.unknown());
    }

    @Scheduled(fixedDelayString = "${planetary.targets-health.every:10s}", initialDelay = 0)
    public void checkAll() {
        for (MetadataTarget target : targets.all()) {
            if (checking.add(target.id())) {
                workers.submit(() -> {
                    try {
                        last.put(target.id(), check(target));
                    } finally {
                        checking.remove(target.id());
                    }
                });
            }
        }
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
        workers.shutdownNow();
    }
}
