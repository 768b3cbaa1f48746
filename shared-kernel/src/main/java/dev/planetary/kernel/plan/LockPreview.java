package dev.planetary.kernel.plan;

/**
 * A lock the plan takes, as its dry-run's own transaction held it (read from pg_locks before the
 * rollback): on which relation ({@code kind}: table, index, view, ...), in which mode, how large
 * the relation is and how many other sessions held a lock on it at that moment. {@code statement}
 * counts from 1; {@code rehearsedAs} is the mode the dry-run's rehearsal took when the apply runs
 * the statement CONCURRENTLY and takes {@code mode} instead.
 */
public record LockPreview(String relation, String kind, String mode, long sizeBytes, int sessions, int statement,
                          String rehearsedAs) {

    /** PostgreSQL's table-level lock modes, weakest first (docs, "Explicit Locking", table 13.2). */
    public static final java.util.List<String> MODES = java.util.List.of("AccessShareLock", "RowShareLock",
            "RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock",
            "AccessExclusiveLock");

    public static int strength(String mode) {
        return MODES.indexOf(mode);
    }

    /** {@code ACCESS EXCLUSIVE}, as the documentation and LOCK TABLE spell it. */
    public static String spoken(String mode) {
        return mode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether the lock keeps others from writing (stronger than SHARE UPDATE EXCLUSIVE). */
    public boolean blocksWrites() {
        return strength(mode) > strength("ShareUpdateExclusiveLock");
    }

    public boolean onTable() {
        return kind.equals("table") || kind.equals("partitioned table") || kind.equals("materialized view");
    }
}
