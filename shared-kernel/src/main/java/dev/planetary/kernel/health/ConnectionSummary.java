package dev.planetary.kernel.health;

import java.util.List;
import java.util.Map;

/**
 * The target server's connections at one moment: how many of {@code maxConnections} are used, how many
 * in each state (active, idle, idle in transaction, waiting), by role and application, and the sessions
 * to look at first: the longest-running query and the oldest open transaction.
 */
public record ConnectionSummary(int maxConnections, int total, Map<String, Integer> byState, List<Group> byRoleAndApplication,
                                SessionActivity longestRunning, SessionActivity oldestTransaction) {

    /** Sessions of one role from one application, by state. */
    public record Group(String role, String application, int total, int active, int idle, int idleInTransaction, int waiting) {
    }

    public ConnectionSummary {
        byState = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byState)); // in reading order
        byRoleAndApplication = List.copyOf(byRoleAndApplication);
    }
}
