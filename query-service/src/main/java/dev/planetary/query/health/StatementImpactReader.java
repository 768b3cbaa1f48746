package dev.planetary.query.health;

import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.health.HealthQueries.ChangeStatementsQuery;
import dev.planetary.kernel.health.StatementDelta;
import dev.planetary.kernel.health.StatementImpact;
import dev.planetary.query.change.ChangeReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A change's statements before and after its apply: the baseline {@link StatementBaselines} read when
 * the apply was recorded, against the target's counters now. "After" is the difference; when the
 * counters went down (a statistics reset, an evicted statement) it cannot be told and is left empty.
 */
@Component
public class StatementImpactReader {

    private final ChangeReadModel changes;
    private final HealthReader reader;
    private final JdbcClient jdbc;

    public StatementImpactReader(ChangeReadModel changes, HealthReader reader, JdbcClient jdbc) {
        this.changes = changes;
        this.reader = reader;
        this.jdbc = jdbc;
    }

    @QueryHandler
    public StatementImpact handle(ChangeStatementsQuery query) {
        String id = query.changeId().value();
        Optional<ChangeView> change = changes.find(query.changeId());
        if (change.isEmpty()) {
            return StatementImpact.none(id, "no such change");
        }
        Optional<Baseline> baseline = jdbc.sql("SELECT taken_at, statistics_since, problem FROM statement_baseline_taken WHERE change_id = :id")
                .param("id", id).query((rs, row) -> new Baseline(instant(rs.getTimestamp("taken_at")),
                        instant(rs.getTimestamp("statistics_since")), rs.getString("problem"))).optional();
        if (baseline.isEmpty()) {
            return StatementImpact.none(id, change.get().status() == ChangeStatus.APPLIED
                    ? "the statistics at the apply are being read" : "figures come once the change is applied");
        }
        if (baseline.get().problem() != null) {
            return StatementImpact.none(id, baseline.get().problem());
        }
        List<StatementCounters.Counter> before = jdbc.sql("""
                        SELECT query_id, role, query, calls, total_ms, rows FROM statement_baseline
                        WHERE change_id = :id ORDER BY total_ms DESC""").param("id", id)
                .query((rs, row) -> new StatementCounters.Counter(rs.getLong("query_id"), rs.getString("role"), rs.getString("query"),
                        rs.getLong("calls"), rs.getDouble("total_ms"), rs.getLong("rows"))).list();
        if (before.isEmpty()) {
            return new StatementImpact(id, baseline.get().takenAt(), baseline.get().statisticsSince(), List.of(), null);
        }
        // only the statements of the baseline: not every statement the target counts
        StatementCounters now = reader.statementCounters(change.get().target(),
                before.stream().map(StatementCounters.Counter::queryId).collect(java.util.stream.Collectors.toSet()));
        Map<StatementCounters.Key, StatementCounters.Counter> current = now.byKey();
        // the statements still running since the apply first, then the busiest before it
        List<StatementDelta> deltas = before.stream().map(b -> delta(b, current.get(b.key())))
                .sorted(java.util.Comparator.comparing((StatementDelta d) -> d.callsAfter() == null || d.callsAfter() == 0)).toList();
        return new StatementImpact(id, baseline.get().takenAt(), baseline.get().statisticsSince(), deltas, now.problem());
    }

    private static StatementDelta delta(StatementCounters.Counter before, StatementCounters.Counter now) {
        double meanBefore = before.calls() == 0 ? 0 : before.totalMillis() / before.calls();
        if (now == null || now.calls() < before.calls()) {
            return new StatementDelta(before.queryId(), before.role(), before.query(), before.calls(), meanBefore, null, null);
        }
        long calls = now.calls() - before.calls();
        Double meanAfter = calls == 0 ? null : (now.totalMillis() - before.totalMillis()) / calls;
        return new StatementDelta(before.queryId(), before.role(), before.query(), before.calls(), meanBefore, calls, meanAfter);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private record Baseline(Instant takenAt, Instant statisticsSince, String problem) {
    }
}
