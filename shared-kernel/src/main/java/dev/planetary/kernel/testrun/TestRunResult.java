package dev.planetary.kernel.testrun;

import dev.planetary.kernel.change.SqlError;

import java.util.List;

/**
 * What a trial call gave: the columns and rows returned (at most {@link #MAX_ROWS}, as text;
 * {@code truncated} says more existed), the notices raised, or the error with its SQLSTATE.
 * Everything it did was rolled back.
 */
public record TestRunResult(String runId, String sql, List<String> columns, List<List<String>> rows, boolean truncated,
                            List<String> notices, SqlError error, long durationMillis) {

    public static final int MAX_ROWS = 100;

    public boolean succeeded() {
        return error == null;
    }
}
