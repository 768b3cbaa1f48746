package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.QualifiedName;

/**
 * {@code LOCK TABLE name IN mode MODE}: what a maintenance statement that cannot run in a transaction
 * is rehearsed as in the dry-run, so the rehearsal waits for (and fails on) the same conflicting locks.
 */
public record LockTable(QualifiedName table, Mode mode) {

    public enum Mode {
        /** What VACUUM and ANALYZE take: they run beside reads and writes, not beside DDL or another VACUUM. */
        SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE"),
        /** What VACUUM FULL takes: nothing else touches the table until it is done. */
        ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE");

        private final String sql;

        Mode(String sql) {
            this.sql = sql;
        }
    }

    public String sql() {
        return "LOCK TABLE " + table.quoted() + " IN " + mode.sql + " MODE";
    }
}
