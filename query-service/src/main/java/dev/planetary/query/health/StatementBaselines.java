package dev.planetary.query.health;

import dev.planetary.kernel.change.event.ChangeAppliedEvent;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.health.NormalisedStatement;
import dev.planetary.kernel.health.ObjectMentions;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.query.change.ChangeReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a change is applied, reads the pg_stat_statements counters of the statements (queries and
 * writes: not DDL, grants or maintenance, Planetary's own applies among them) that name the tables
 * and functions it touched, so its page can show them before and after. A tracking processor
 * of its own: a slow target delays no projection. Only a fresh apply is observed: an event older than
 * {@link #FRESH} (a replay, a processor catching up after a long stop) would pair today's counters
 * with an old apply, so it is recorded as having no baseline. A target that cannot be read is
 * recorded the same way, with why: the processor never stalls on it. It observes the target, so it
 * is never replayed.
 */
@Component
@DisallowReplay
@ProcessingGroup(StatementBaselines.GROUP)
public class StatementBaselines {

    public static final String GROUP = "statement-baselines";
    static final Duration FRESH = Duration.ofMinutes(10);
    /** More statements on one change's objects than a page can show usefully. */
    static final int MAX_STATEMENTS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(StatementBaselines.class);
    private static final Set<ObjectRef.ObjectKind> NAMED_IN_STATEMENTS = Set.of(ObjectRef.ObjectKind.TABLE, ObjectRef.ObjectKind.FUNCTION);

    private final ChangeReadModel changes;
    private final HealthReader reader;
    private final JdbcClient jdbc;
    private final Clock clock;

    public StatementBaselines(ChangeReadModel changes, HealthReader reader, JdbcClient jdbc, Clock clock) {
        this.changes = changes;
        this.reader = reader;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(ChangeAppliedEvent event) {
        Optional<ChangeView> change = changes.find(event.changeId());
        if (change.isEmpty() || change.get().plan() == null) {
            return;
        }
        List<QualifiedName> objects = objects(change.get());
        if (objects.isEmpty()) {
            return;
        }
        String changeId = event.changeId().value();
        if (event.appliedAt().isBefore(clock.instant().minus(FRESH))) {
            taken(change.get(), null, "no baseline: the apply was recorded before Planetary read the statistics");
            return;
        }
        StatementCounters now;
        try {
            now = reader.statementCounters(change.get().target());
        } catch (DataAccessException e) {
            LOG.warn("statement baseline of change {} not taken: {}", changeId, e.getMostSpecificCause().getMessage());
            taken(change.get(), null, "no baseline: the target could not be read when the change was applied");
            return;
        }
        taken(change.get(), now.since(), now.problem() == null ? null : "no baseline: " + now.problem());
        now.counters().stream()
                .filter(c -> NormalisedStatement.readsOrWritesData(c.query()) && ObjectMentions.mentions(c.query(), objects)).limit(MAX_STATEMENTS).forEach(c ->
                jdbc.sql("""
                                INSERT INTO statement_baseline (change_id, query_id, role, query, calls, total_ms, rows)
                                VALUES (:change, :query_id, :role, :query, :calls, :total, :rows) ON CONFLICT DO NOTHING""")
                        .param("change", changeId).param("query_id", c.queryId()).param("role", c.role()).param("query", c.query())
                        .param("calls", c.calls()).param("total", c.totalMillis()).param("rows", c.rows()).update());
    }

    private void taken(ChangeView change, Instant since, String problem) {
        jdbc.sql("""
                        INSERT INTO statement_baseline_taken (change_id, target, taken_at, statistics_since, problem)
                        VALUES (:change, :target, :at, :since, :problem) ON CONFLICT DO NOTHING""")
                .param("change", change.id()).param("target", change.target().toString())
                .param("at", Timestamp.from(clock.instant())).param("since", since == null ? null : Timestamp.from(since))
                .param("problem", problem).update();
    }

    /** The tables (views among them) and functions the change touched, as statements name them. */
    static List<QualifiedName> objects(ChangeView change) {
        return change.plan().touches().stream().filter(ref -> NAMED_IN_STATEMENTS.contains(ref.kind()))
                .map(ref -> qualified(ref.name())).filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static QualifiedName qualified(String display) {
        int dot = display.indexOf('.');
        return dot <= 0 ? null : QualifiedName.of(display.substring(0, dot), display.substring(dot + 1));
    }
}
