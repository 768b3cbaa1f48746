package dev.planetary.kernel.health;

import java.time.Instant;

/**
 * A target's figures at one moment, as Planetary samples them every minute: sessions by state, the
 * database's counters since its statistics were reset (commits, rollbacks, blocks, tuples, deadlocks,
 * statement calls and time from pg_stat_statements when it is there), its size, its dead rows, the
 * longest-running query and the oldest transaction. {@code sampleMillis} is what reading it cost.
 */
public record HealthSample(Instant at, int connectionsTotal, int connectionsActive, int connectionsIdle,
                           int connectionsIdleInTransaction, int connectionsWaiting, long commits, long rollbacks,
                           long blocksHit, long blocksRead, long tuplesInserted, long tuplesUpdated, long tuplesDeleted,
                           long deadlocks, long databaseBytes, long deadTuples, Double longestQuerySeconds,
                           Double oldestTransactionSeconds, Long statementCalls, Double statementMillis, int sampleMillis) {
}
