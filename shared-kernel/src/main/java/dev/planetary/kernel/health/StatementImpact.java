package dev.planetary.kernel.health;

import java.time.Instant;
import java.util.List;

/**
 * The statements on the tables and functions a change touched, before and after it was applied:
 * the counters read when the apply was recorded ({@code baselineAt}) against those read now.
 * {@code statisticsSince} is when the "before" figures began (the last statistics reset; null
 * unknown). {@code problem} says why there are no figures (not applied, no baseline, unreadable).
 */
public record StatementImpact(String changeId, Instant baselineAt, Instant statisticsSince, List<StatementDelta> statements,
                              String problem) {

    public StatementImpact {
        statements = List.copyOf(statements);
    }

    public static StatementImpact none(String changeId, String problem) {
        return new StatementImpact(changeId, null, null, List.of(), problem);
    }
}
