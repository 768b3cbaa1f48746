package dev.planetary.query.health;

import dev.planetary.kernel.health.HealthSample;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.catalog.CatalogSql;
import dev.planetary.query.target.MetadataTargets.MetadataTarget;
import dev.planetary.query.target.MetadataTargets;
import dev.planetary.query.target.PerTargetWorkers;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Samples every target's figures once a period (a minute by default) into the control-plane database,
 * each target on a worker of its own so a slow one delays no other, and deletes samples older than the
 * retention (14 days by default). Several instances may sample: the period's first row wins.
 */
@Component
public class HealthSampler {

    private static final Logger log = LoggerFactory.getLogger(HealthSampler.class);
    private static final String SAMPLE = CatalogSql.resource("/health/sample.sql");
    /** Where pg_stat_statements can be read from: its schema, when it is loaded and installed; else null. */
    private static final String STATEMENTS = """
            SELECT CASE WHEN pg_has_role(current_user, 'pg_read_all_settings', 'USAGE')
                         AND 'pg_stat_statements' = ANY (string_to_array(replace(current_setting('shared_preload_libraries'), ' ', ''), ','))
                        THEN (SELECT n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
                              WHERE x.extname = 'pg_stat_statements') END AS schema""";

    private final MetadataTargets targets;
    private final JdbcClient control;
    private final Clock clock;
    private final Duration every;
    private final Duration retention;
    private final PerTargetWorkers workers = new PerTargetWorkers("health-sampler");
    /** Samples expire by the minute; deleting them hourly keeps the control database's work per round small. */
    static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private volatile Instant lastPruned;

    public HealthSampler(MetadataTargets targets, JdbcClient control, Clock clock,
                         @Value("${planetary.health.sample-every:60s}") Duration every,
                         @Value("${planetary.health.retention:14d}") Duration retention) {
        this.targets = targets;
        this.control = control;
        this.clock = clock;
        this.every = every;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${planetary.health.sample-every:60s}", initialDelayString = "${planetary.health.first-sample-after:10s}")
    public void sampleAll() {
        sampleRound();
    }

    /** One round over every target; answers, per target, when its sample is stored. Expired samples go once an hour. */
    public Map<TargetId, CompletableFuture<Void>> sampleRound() {
        Instant now = clock.instant();
        if (lastPruned == null || !now.isBefore(lastPruned.plus(PRUNE_EVERY))) {
            pruneExpired();
            lastPruned = now;
        }
        return workers.forEach(targets.all(), this::sampleAndStore);
    }

    /** Deletes the samples older than the retention; answers how many. */
    public int pruneExpired() {
        return control.sql("DELETE FROM health_sample WHERE sampled_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(retention))).update();
    }

    private void sampleAndStore(MetadataTarget target) {
        try {
            store(target.id(), sample(target.id()));
        } catch (RuntimeException e) {
            // an unreachable target is reported by its health check; here it only misses a point on the charts
            log.debug("no health sample of {} this time: {}", target.id(), e.getMessage());
        }
    }

    /** Reads one sample of a target now (the benchmark times this). */
    public HealthSample sample(TargetId target) {
        return MonitoringSession.read(targets.database(target), jdbc -> {
            long started = System.nanoTime();
            HealthSample counters = jdbc.sql(SAMPLE).query((rs, row) -> counters(rs)).single();
            String schema = jdbc.sql(STATEMENTS).query(String.class).optional().orElse(null);
            Long calls = null;
            Double millis = null;
            if (schema != null) {
                Map<String, Object> totals = jdbc.sql("SELECT sum(calls)::bigint AS calls, sum(total_exec_time) AS millis FROM "
                                + QualifiedName.of(schema, "pg_stat_statements").quoted()
                                + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")
                        .query().singleRow();
                calls = totals.get("calls") == null ? 0L : ((Number) totals.get("calls")).longValue();
                millis = totals.get("millis") == null ? 0.0 : ((Number) totals.get("millis")).doubleValue();
            }
            int cost = (int) ((System.nanoTime() - started) / 1_000_000);
            return new HealthSample(clock.instant(), counters.connectionsTotal(), counters.connectionsActive(), counters.connectionsIdle(),
                    counters.connectionsIdleInTransaction(), counters.connectionsWaiting(), counters.commits(), counters.rollbacks(),
                    counters.blocksHit(), counters.blocksRead(), counters.tuplesInserted(), counters.tuplesUpdated(),
                    counters.tuplesDeleted(), counters.deadlocks(), counters.databaseBytes(), counters.deadTuples(),
                    counters.longestQuerySeconds(), counters.oldestTransactionSeconds(), calls, millis, cost);
        });
    }

    private void store(TargetId target, HealthSample sample) {
        control.sql("""
                        INSERT INTO health_sample (target, bucket, sampled_at, sample_millis, connections_total, connections_active,
                            connections_idle, connections_idle_tx, connections_waiting, xact_commit, xact_rollback, blks_hit, blks_read,
                            tup_inserted, tup_updated, tup_deleted, deadlocks, database_bytes, dead_tuples, longest_query_seconds,
                            oldest_xact_seconds, statement_calls, statement_millis)
                        VALUES (:target, date_bin(CAST(:every AS interval), :at, TIMESTAMPTZ '2000-01-01'), :at, :cost, :total, :active,
                            :idle, :idleTx, :waiting, :commits, :rollbacks, :hit, :read, :inserted, :updated, :deleted, :deadlocks,
                            :bytes, :dead, :longest, :oldest, :calls, :millis)
                        ON CONFLICT (target, bucket) DO NOTHING""")
                .param("target", target.toString()).param("every", every.toMillis() + " milliseconds")
                .param("at", Timestamp.from(sample.at())).param("cost", sample.sampleMillis())
                .param("total", sample.connectionsTotal()).param("active", sample.connectionsActive())
                .param("idle", sample.connectionsIdle()).param("idleTx", sample.connectionsIdleInTransaction())
                .param("waiting", sample.connectionsWaiting()).param("commits", sample.commits()).param("rollbacks", sample.rollbacks())
                .param("hit", sample.blocksHit()).param("read", sample.blocksRead()).param("inserted", sample.tuplesInserted())
                .param("updated", sample.tuplesUpdated()).param("deleted", sample.tuplesDeleted()).param("deadlocks", sample.deadlocks())
                .param("bytes", sample.databaseBytes()).param("dead", sample.deadTuples())
                .param("longest", sample.longestQuerySeconds()).param("oldest", sample.oldestTransactionSeconds())
                .param("calls", sample.statementCalls()).param("millis", sample.statementMillis())
                .update();
    }

    private static HealthSample counters(ResultSet rs) throws SQLException {
        return new HealthSample(Instant.EPOCH, rs.getInt("total"), rs.getInt("active"), rs.getInt("idle"), rs.getInt("idle_tx"),
                rs.getInt("waiting"), rs.getLong("xact_commit"), rs.getLong("xact_rollback"), rs.getLong("blks_hit"),
                rs.getLong("blks_read"), rs.getLong("tup_inserted"), rs.getLong("tup_updated"), rs.getLong("tup_deleted"),
                rs.getLong("deadlocks"), rs.getLong("database_bytes"), rs.getLong("dead_tuples"),
                nullableDouble(rs, "longest_query_seconds"), nullableDouble(rs, "oldest_xact_seconds"), null, null, 0);
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    @PreDestroy
    void stop() {
        workers.close();
    }
}
