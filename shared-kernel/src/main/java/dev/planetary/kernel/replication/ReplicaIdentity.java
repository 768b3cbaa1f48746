package dev.planetary.kernel.replication;

import java.util.List;
import java.util.Locale;

/**
 * How a table identifies the rows an UPDATE or DELETE changes to its subscribers ({@code REPLICA IDENTITY}):
 * {@code kind} is {@code default} (the primary key), {@code index} (a unique index), {@code full} (every column) or
 * {@code nothing}; {@code columns} are the columns it names (none for {@code default} without a primary key, and for
 * {@code nothing}).
 */
public record ReplicaIdentity(String kind, List<String> columns) {

    public ReplicaIdentity {
        columns = List.copyOf(columns);
    }

    /** From {@code pg_class.relreplident}: d, i, f or n. */
    public static ReplicaIdentity of(String relreplident, List<String> columns) {
        String kind = switch (relreplident) {
            case "d" -> "default";
            case "i" -> "index";
            case "f" -> "full";
            case "n" -> "nothing";
            default -> throw new IllegalArgumentException("no replica identity is marked " + relreplident);
        };
        return new ReplicaIdentity(kind, columns);
    }

    public boolean usable() {
        return !columns.isEmpty();
    }

    /**
     * What goes wrong when the table is published for {@code operations} with a column list ({@code columnList},
     * null for every column) and a row filter naming {@code filterColumns}, in words; null when nothing does. Only
     * UPDATE and DELETE need the identity: PostgreSQL refuses them on the publisher, not the subscription, so
     * the application's writes fail. PostgreSQL 15 also wants the identity's columns in the column list, and
     * only identity columns in a row filter.
     */
    public String problem(List<String> operations, List<String> columnList, List<String> filterColumns) {
        List<String> identifying = operations.stream().filter(op -> op.equals("update") || op.equals("delete"))
                .map(op -> op.toUpperCase(Locale.ROOT)).toList();
        if (identifying.isEmpty()) {
            return null;
        }
        String fails = String.join(" and ", identifying) + " on this table fail";
        if (!usable()) {
            return kind.equals("nothing")
                    ? "REPLICA IDENTITY NOTHING: " + fails + " while it is published for them; set REPLICA IDENTITY DEFAULT with a primary key, USING INDEX or FULL"
                    : "no primary key to identify rows: " + fails + " while it is published for them; add a primary key, or set REPLICA IDENTITY USING INDEX or FULL";
        }
        if (columnList != null) {
            List<String> missing = columns.stream().filter(column -> !columnList.contains(column)).toList();
            if (!missing.isEmpty()) {
                return "the column list leaves out " + String.join(", ", missing) + " of the replica identity: " + fails;
            }
        }
        if (filterColumns != null) {
            List<String> outside = filterColumns.stream().filter(column -> !columns.contains(column)).distinct().toList();
            if (!outside.isEmpty()) {
                return "the row filter reads " + String.join(", ", outside) + ", not part of the replica identity: " + fails;
            }
        }
        return null;
    }
}
