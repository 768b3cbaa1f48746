package dev.planetary.kernel.health;

/**
 * A statement of the workload that an index candidate would serve: its pg_stat_statements figures and
 * the planner's total cost of its generic plan without the index and, when hypopg priced it, with it
 * (null when unpriced).
 */
public record AdvisedStatement(long queryId, String query, String role, long calls, double meanMillis, double costBefore,
                               Double costAfter) {

    /** How much cheaper the plan gets, in percent of its cost today; null when unpriced. */
    public Double improvementPercent() {
        if (costAfter == null || costBefore <= 0) {
            return null;
        }
        return 100.0 * (costBefore - costAfter) / costBefore;
    }

    /** Planner cost saved over every call counted so far; 0 when unpriced or not cheaper. */
    public double savedCost() {
        return costAfter == null ? 0 : Math.max(0, costBefore - costAfter) * calls;
    }
}
