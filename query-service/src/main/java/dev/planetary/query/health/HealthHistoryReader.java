package dev.planetary.query.health;

import dev.planetary.kernel.health.HealthHistory;
import dev.planetary.kernel.health.HealthSample;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.target.MetadataTargets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A target's stored samples over the last hours, with the changes applied to it meanwhile, from the control-plane database. */
@Component
public class HealthHistoryReader {

    /** Two weeks: the default retention. */
    public static final int MAX_HOURS = 24 * 14;

    private final JdbcClient control;
    private final MetadataTargets targets;
    private final Clock clock;

    public HealthHistoryReader(JdbcClient control, MetadataTargets targets, Clock clock) {
        this.control = control;
        this.targets = targets;
        this.clock = clock;
    }

    public HealthHistory history(TargetId named, int hours) {
        String target = targets.get(named).id().toString();
        Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofHours(hours)));
        return new HealthHistory(
                control.sql("SELECT * FROM health_sample WHERE target = :target AND sampled_at >= :since ORDER BY sampled_at")
                        .param("target", target).param("since", since).query((rs, row) -> sample(rs)).list(),
                control.sql("""
                                SELECT h.change_id, s.title, h.occurred_at FROM change_history h
                                JOIN change_summary s ON s.change_id = h.change_id
                                WHERE h.target = :target AND h.event = 'applied' AND h.occurred_at >= :since
                                ORDER BY h.occurred_at""")
                        .param("target", target).param("since", since)
                        .query((rs, row) -> new HealthHistory.AppliedMark(rs.getString("change_id"), rs.getString("title"),
                                rs.getTimestamp("occurred_at").toInstant())).list());
    }

    private static HealthSample sample(ResultSet rs) throws SQLException {
        long calls = rs.getLong("statement_calls");
        Long statementCalls = rs.wasNull() ? null : calls;
        return new HealthSample(instant(rs.getTimestamp("sampled_at")), rs.getInt("connections_total"), rs.getInt("connections_active"),
                rs.getInt("connections_idle"), rs.getInt("connections_idle_tx"), rs.getInt("connections_waiting"),
                rs.getLong("xact_commit"), rs.getLong("xact_rollback"), rs.getLong("blks_hit"), rs.getLong("blks_read"),
                rs.getLong("tup_inserted"), rs.getLong("tup_updated"), rs.getLong("tup_deleted"), rs.getLong("deadlocks"),
                rs.getLong("database_bytes"), rs.getLong("dead_tuples"), HealthSampler.nullableDouble(rs, "longest_query_seconds"),
                HealthSampler.nullableDouble(rs, "oldest_xact_seconds"), statementCalls,
                HealthSampler.nullableDouble(rs, "statement_millis"), rs.getInt("sample_millis"));
    }

    private static Instant instant(Timestamp at) {
        return at.toInstant();
    }
}
