package dev.planetary.query.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * pg_stat_statements' counters at one moment, per statement and role; {@code since} is when it began
 * counting (its last reset), {@code problem} why there are none.
 */
record StatementCounters(Instant since, List<Counter> counters, String problem) {

    StatementCounters {
        counters = List.copyOf(counters);
    }

    static StatementCounters unavailable(String problem) {
        return new StatementCounters(null, List.of(), problem);
    }

    Map<Key, Counter> byKey() {
        return counters.stream().collect(Collectors.toMap(Counter::key, Function.identity(), (a, b) -> a));
    }

    record Key(long queryId, String role) {
    }

    record Counter(long queryId, String role, String query, long calls, double totalMillis, long rows) {
        Key key() {
            return new Key(queryId, role);
        }
    }
}
