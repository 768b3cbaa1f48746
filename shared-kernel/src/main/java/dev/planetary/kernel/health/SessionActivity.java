package dev.planetary.kernel.health;

import java.time.Instant;
import java.util.List;

/**
 * A client backend of the target's server, from pg_stat_activity: who, from which application, doing
 * what since when, and which sessions it waits for ({@code pg_blocking_pids}). {@code waitingFor}
 * describes the lock it waits for (mode and relation) when it waits for one. The query text is the
 * last statement as the client sent it; PostgreSQL shows it only to roles with pg_read_all_stats.
 */
public record SessionActivity(int pid, String database, String role, String application, String clientAddress, String state,
                              String waitEventType, String waitEvent, Instant backendStart, Instant transactionStart,
                              Instant queryStart, String query, List<Integer> blockedBy, String waitingFor) {

    public SessionActivity {
        blockedBy = List.copyOf(blockedBy);
    }

    public boolean blocked() {
        return !blockedBy.isEmpty();
    }

    /** The state as people say it: "waiting" for a session that waits for a lock, whatever its state. */
    public String displayState() {
        if ("Lock".equals(waitEventType)) {
            return "waiting";
        }
        return state == null ? "unknown" : state;
    }
}
