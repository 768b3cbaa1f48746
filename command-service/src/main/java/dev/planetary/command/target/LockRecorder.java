package dev.planetary.command.target;

import dev.planetary.kernel.plan.LockPreview;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads, after each statement of a dry-run, the relation locks its own transaction holds
 * (pg_locks), so each lock is put down to the statement that first took it in its strongest mode,
 * with the relation's size and how many other sessions hold a lock on it now. A statement the
 * apply runs CONCURRENTLY is rehearsed without: its locks are shown as the apply takes them
 * (SHARE UPDATE EXCLUSIVE), with what the rehearsal took beside.
 */
final class LockRecorder {

    private static final String CONCURRENT_MODE = "ShareUpdateExclusiveLock";
    /**
     * pg_locks is built afresh, from every session's locks, each time it is read: the CTE reads it
     * once per statement, and the count of other sessions on each relation comes from that one reading
     * (bench/README.md, "Lock preview": reading it once per own lock grew with the server's sessions).
     */
    private static final String LOCKS = """
            WITH relation_locks AS MATERIALIZED (
                SELECT pid, relation, mode, granted FROM pg_catalog.pg_locks WHERE locktype = 'relation')
            SELECT n.nspname, c.relname,
                   CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' WHEN 'm' THEN 'materialized view'
                                  WHEN 'i' THEN 'index' WHEN 'I' THEN 'partitioned index' WHEN 'v' THEN 'view'
                                  WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' ELSE 'relation' END,
                   l.mode,
                   CASE WHEN c.relkind IN ('r', 'p', 'm', 'i', 't') THEN pg_catalog.pg_total_relation_size(c.oid) ELSE 0 END,
                   (SELECT count(DISTINCT o.pid) FROM relation_locks o
                    WHERE o.relation = c.oid AND o.pid <> pg_catalog.pg_backend_pid())
            FROM relation_locks l
            JOIN pg_catalog.pg_class c ON c.oid = l.relation
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE l.pid = pg_catalog.pg_backend_pid() AND l.granted
              AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'planetary')
              AND n.nspname NOT LIKE 'pg\\_temp\\_%'""";

    private final Map<String, LockPreview> strongest = new LinkedHashMap<>();

    /** After statement {@code index} (from 0); {@code rehearsal} when it stood in for a CONCURRENTLY statement. */
    void afterStatement(Connection connection, int index, boolean rehearsal) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LOCKS); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String relation = rows.getString(1) + "." + rows.getString(2);
                String mode = rows.getString(4);
                String shown = rehearsal && LockPreview.strength(mode) > LockPreview.strength(CONCURRENT_MODE) ? CONCURRENT_MODE : mode;
                LockPreview known = strongest.get(relation);
                if (known == null || LockPreview.strength(shown) > LockPreview.strength(known.mode())) {
                    strongest.put(relation, new LockPreview(relation, rows.getString(3), shown, rows.getLong(5), rows.getInt(6),
                            index + 1, shown.equals(mode) ? null : mode));
                }
            }
        }
    }

    List<LockPreview> locks() {
        return new ArrayList<>(strongest.values());
    }
}
