package dev.planetary.kernel.health;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/**
 * The health page's questions, answered by the query side from the target's statistics views with
 * short timeouts: never from a table's rows, never waiting behind a lock. Each names its target
 * (null: the home target) and needs a Planetary right.
 */
public final class HealthQueries {

    private HealthQueries() {
    }

    /** Every table's statistics: answered with a list of {@link TableHealth}. */
    @RequiresRight
    public record TableHealthQuery(TargetId target) {
    }

    /** Answered with a {@link CacheHitRatio}. */
    @RequiresRight
    public record CacheHitQuery(TargetId target) {
    }

    /**
     * The sessions of the target's database (blocked and blocking ones with whom) and their summary
     * by state, role and application, from one read: a {@link LiveActivity}.
     */
    @RequiresRight
    public record LiveActivityQuery(TargetId target) {
    }

    /** Every index with its use and what to do about some: an {@link IndexReport}. */
    @RequiresRight
    public record IndexReportQuery(TargetId target) {
    }

    /** Every table's and btree index's bloat estimate: a {@link BloatReport}. */
    @RequiresRight
    public record BloatQuery(TargetId target) {
    }

    /** One table or index measured with pgstattuple: a {@link MeasuredBloat}. */
    @RequiresRight
    public record MeasureBloatQuery(TargetId target, String schema, String name) {
    }

    /** The samples of the last {@code hours} hours and the changes applied meanwhile: a {@link HealthHistory}. */
    @RequiresRight
    public record HealthHistoryQuery(TargetId target, int hours) {
    }

    /** The lint pass over the live catalog: a {@link LintReport}. */
    @RequiresRight
    public record LintQuery(TargetId target) {
    }

    /** Answered with {@link QueryStatistics}: at most {@code limit} statements in the given order. */
    @RequiresRight
    public record TopQueriesQuery(TargetId target, QueryStatistics.Order order, int limit) {
    }

    /**
     * Index advice from the workload: an {@link IndexAdviceReport}. Answered by the command side, which
     * plans each statement (EXPLAIN without ANALYZE: no row is read) as the role that ran it.
     */
    @RequiresRight
    public record IndexAdviceQuery(TargetId target) {
    }

    /** The statements on what an applied change touched, before and after the apply: a {@link StatementImpact}. */
    @RequiresRight
    public record ChangeStatementsQuery(ChangeId changeId) {
    }
}
