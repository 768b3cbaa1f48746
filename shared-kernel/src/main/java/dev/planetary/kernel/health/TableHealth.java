package dev.planetary.kernel.health;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * One table's state as the statistics collector and the catalog see it, never from its rows. Sizes are
 * the planner's page counts (pg_class.relpages of the heap, its indexes and its TOAST table, as of the
 * last VACUUM, ANALYZE or CREATE INDEX): reading the files' real sizes costs a stat() per file and takes
 * a lock that an ACCESS EXCLUSIVE holder blocks. {@code deadPercent} and the cache hit ratio are null
 * when there is nothing to divide by.
 */
public record TableHealth(long oid, String schema, String name, long liveTuples, long deadTuples, Double deadPercent,
                          Instant lastVacuum, Instant lastAutovacuum, Instant lastAnalyze, Instant lastAutoanalyze,
                          long vacuumCount, long autovacuumCount, long heapBytes, long indexBytes, long toastBytes,
                          long transactionIdAge, long seqScans, long indexScans, Double cacheHitPercent) {

    /**
     * Transaction IDs a table may age before PostgreSQL stops assigning new ones to protect it (2^31
     * less the three million it keeps in reserve, PostgreSQL 15 varsup.c).
     */
    public static final long WRAPAROUND_LIMIT = (1L << 31) - 3_000_000;

    @JsonProperty
    public long totalBytes() {
        return heapBytes + indexBytes + toastBytes;
    }

    /** Transaction IDs left before the wraparound shutdown. */
    @JsonProperty
    public long transactionIdsToWraparound() {
        return Math.max(0, WRAPAROUND_LIMIT - transactionIdAge);
    }

    /** The last vacuum of either kind (manual or autovacuum), or null. */
    public Instant lastVacuumOfAnyKind() {
        return latest(lastVacuum, lastAutovacuum);
    }

    /** The last analyze of either kind, or null. */
    public Instant lastAnalyzeOfAnyKind() {
        return latest(lastAnalyze, lastAutoanalyze);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
