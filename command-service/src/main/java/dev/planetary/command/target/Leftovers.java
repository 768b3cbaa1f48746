package dev.planetary.command.target;

import dev.planetary.kernel.plan.OutsideTransaction;
import dev.planetary.kernel.sql.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a failed or interrupted index build leaves behind, found in the catalog and dropped
 * concurrently (on an autocommit connection): the INVALID index of CREATE INDEX CONCURRENTLY, the
 * INVALID {@code _ccnew}/{@code _ccold} copies of REINDEX CONCURRENTLY. A valid index is never dropped.
 */
final class Leftovers {

    /** The index a step builds, as the catalog has it now. */
    enum IndexState { MISSING, VALID, INVALID }

    private Leftovers() {
    }

    static IndexState indexState(Connection connection, String quotedIndex) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT i.indisvalid FROM pg_catalog.pg_index i WHERE i.indexrelid = pg_catalog.to_regclass(?)")) {
            query.setString(1, quotedIndex);
            try (ResultSet row = query.executeQuery()) {
                return !row.next() ? IndexState.MISSING : row.getBoolean(1) ? IndexState.VALID : IndexState.INVALID;
            }
        }
    }

    /** Drops what the statement may have left; answers what was dropped, for the change's timeline. */
    static List<String> dropAfter(Connection connection, OutsideTransaction how) throws SQLException {
        List<QualifiedName> invalid = switch (how.leftover()) {
            case NONE -> List.of();
            case INVALID_INDEX -> indexState(connection, how.index()) == IndexState.INVALID
                    ? invalidIndexes(connection, "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = pg_catalog.to_regclass(?)"
                    + " AND ? IS NOT NULL", how.index())
                    : List.of();
            case REINDEX_COPIES -> invalidIndexes(connection, """
                    SELECT n.nspname, c.relname
                    FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
                    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    WHERE NOT i.indisvalid AND c.relname ~ '_cc(new|old)[0-9]*$'
                      AND i.indrelid IN (SELECT pg_catalog.to_regclass(?)::oid
                                         UNION SELECT x.indrelid FROM pg_catalog.pg_index x
                                         WHERE x.indexrelid = pg_catalog.to_regclass(?))""", how.index());
        };
        List<String> dropped = new ArrayList<>();
        for (QualifiedName index : invalid) {
            try (java.sql.Statement drop = connection.createStatement()) {
                drop.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index.quoted());
            }
            dropped.add(index.display());
        }
        return dropped;
    }

    private static List<QualifiedName> invalidIndexes(Connection connection, String sql, String name) throws SQLException {
        List<QualifiedName> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            query.setString(2, name);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(QualifiedName.of(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return found;
    }
}
