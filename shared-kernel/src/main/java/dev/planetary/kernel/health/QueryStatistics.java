package dev.planetary.kernel.health;

import java.util.List;

/**
 * The top statements of a target, or why there are none: {@code problem} says what to do when
 * pg_stat_statements is not loaded or not installed (null when the list is real); {@code notice} what
 * the list lacks (other roles' texts, hidden from a login without pg_read_all_stats), or null.
 */
public record QueryStatistics(List<TopStatement> queries, String problem, String notice) {

    public QueryStatistics {
        queries = List.copyOf(queries);
    }

    public static QueryStatistics unavailable(String problem) {
        return new QueryStatistics(List.of(), problem, null);
    }

    public boolean available() {
        return problem == null;
    }

    /** How the list is ordered. */
    public enum Order {
        TOTAL_TIME, CALLS, MEAN_TIME, ROWS
    }
}
