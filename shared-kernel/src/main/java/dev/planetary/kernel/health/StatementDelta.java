package dev.planetary.kernel.health;

/**
 * One statement on an object a change touched: its pg_stat_statements counters up to the apply
 * (since the statistics were last reset) and since the apply (null when they cannot be told: the
 * statistics were reset, or the statement was evicted, since).
 */
public record StatementDelta(long queryId, String role, String query, long callsBefore, double meanMillisBefore,
                             Long callsAfter, Double meanMillisAfter) {

    /** How much slower (positive) or faster (negative) a call is since the apply, in percent; null when unknown. */
    public Double changePercent() {
        if (meanMillisAfter == null || callsAfter == null || callsAfter == 0 || meanMillisBefore <= 0) {
            return null;
        }
        return 100.0 * (meanMillisAfter - meanMillisBefore) / meanMillisBefore;
    }
}
