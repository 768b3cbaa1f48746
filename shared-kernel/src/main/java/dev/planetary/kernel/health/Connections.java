package dev.planetary.kernel.health;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sums up the sessions of a server: by state, by role and application, and the ones to look at first.
 * In the kernel: the health page sums up the same sessions it lists, from one read of pg_stat_activity.
 */
public final class Connections {

    /** The states in the order people read them; PostgreSQL's other states follow. */
    static final List<String> STATES = List.of("active", "waiting", "idle in transaction", "idle in transaction (aborted)", "idle");

    private Connections() {
    }

    public static ConnectionSummary summarise(int maxConnections, List<SessionActivity> sessions) {
        Map<String, Integer> byState = new LinkedHashMap<>();
        STATES.forEach(state -> byState.put(state, 0));
        Map<List<String>, int[]> groups = new TreeMap<>(Comparator.comparing((List<String> key) -> key.get(0))
                .thenComparing(key -> key.get(1)));
        for (SessionActivity session : sessions) {
            String state = session.displayState();
            byState.merge(state, 1, Integer::sum);
            int[] counts = groups.computeIfAbsent(List.of(Objects.toString(session.role(), ""),
                    Objects.toString(session.application(), "")), key -> new int[5]);
            counts[0]++;
            switch (state) {
                case "active" -> counts[1]++;
                case "idle" -> counts[2]++;
                case "idle in transaction", "idle in transaction (aborted)" -> counts[3]++;
                case "waiting" -> counts[4]++;
                default -> { }
            }
        }
        List<ConnectionSummary.Group> byGroup = groups.entrySet().stream()
                .map(e -> new ConnectionSummary.Group(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3], e.getValue()[4]))
                .sorted(Comparator.comparingInt(ConnectionSummary.Group::total).reversed())
                .toList();
        SessionActivity longestRunning = sessions.stream()
                .filter(s -> !"idle".equals(s.state()) && s.queryStart() != null)
                .min(Comparator.comparing(SessionActivity::queryStart)).orElse(null);
        SessionActivity oldestTransaction = sessions.stream().filter(s -> s.transactionStart() != null)
                .min(Comparator.comparing(SessionActivity::transactionStart)).orElse(null);
        return new ConnectionSummary(maxConnections, sessions.size(), byState, byGroup, longestRunning, oldestTransaction);
    }
}
