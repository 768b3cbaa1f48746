package dev.planetary.kernel.replication;

import dev.planetary.kernel.plan.LockLint;

/**
 * Whether a replication slot endangers its server, in words, or null. A slot holds back WAL (and, logical, old
 * row versions) until its consumer confirms them: one nobody uses grows until the disk is full. PostgreSQL says
 * {@code unreserved} when the slot is past {@code max_slot_wal_keep_size} (its WAL goes at the next checkpoint)
 * and {@code lost} once it went; an inactive slot holding more than {@code thresholdBytes}, or holding back
 * transactions older than {@code xminAgeThreshold}, is at risk before that.
 */
public final class SlotRisk {

    private SlotRisk() {
    }

    public static String of(boolean active, String walStatus, Long retainedBytes, Long xminAge, long thresholdBytes,
                            long xminAgeThreshold) {
        if ("lost".equals(walStatus)) {
            return "lost: the WAL it needs has been removed, its consumer cannot continue; drop it and copy the data again";
        }
        if ("unreserved".equals(walStatus)) {
            return "past max_slot_wal_keep_size: the WAL it needs goes at the next checkpoint";
        }
        if (active) {
            return null;
        }
        if (retainedBytes != null && retainedBytes > thresholdBytes) {
            return "inactive and holding " + LockLint.size(retainedBytes) + " of WAL: the disk fills until it is used or dropped";
        }
        if (xminAge != null && xminAge > xminAgeThreshold) {
            return "inactive and holding back vacuum for " + xminAge + " transactions";
        }
        return null;
    }
}
