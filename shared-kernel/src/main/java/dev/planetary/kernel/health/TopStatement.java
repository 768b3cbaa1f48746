package dev.planetary.kernel.health;

/**
 * A statement as pg_stat_statements counts it: the text normalised by PostgreSQL (constants replaced
 * by $1, $2, ...), the role that ran it and the database, with its totals since the statistics were
 * last reset. {@code hitPercent} is the share of shared blocks found in the buffer cache (null when it
 * read none).
 */
public record TopStatement(long queryId, String query, String role, String database, long calls, double totalMillis,
                       double meanMillis, long rows, Double hitPercent) {
}
