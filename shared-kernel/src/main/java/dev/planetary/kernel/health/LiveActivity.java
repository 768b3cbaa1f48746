package dev.planetary.kernel.health;

import java.util.List;

/**
 * The target's sessions at one moment and their summary, from one read of pg_stat_activity: what the
 * health page refreshes every few seconds (the connection figures and the wait graph agree).
 */
public record LiveActivity(ConnectionSummary connections, List<SessionActivity> sessions) {

    public LiveActivity {
        sessions = List.copyOf(sessions);
    }

    public static LiveActivity of(int maxConnections, List<SessionActivity> sessions) {
        return new LiveActivity(Connections.summarise(maxConnections, sessions), sessions);
    }
}
