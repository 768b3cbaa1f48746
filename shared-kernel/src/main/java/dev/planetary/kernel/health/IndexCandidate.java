package dev.planetary.kernel.health;

import dev.planetary.kernel.ddl.CreateIndex;
import dev.planetary.kernel.ddl.IndexKey;
import dev.planetary.kernel.ddl.IndexMethod;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A btree index the workload suggests: columns of one table, in order (equality columns first, then
 * at most one range column, as a btree serves them best).
 */
public record IndexCandidate(String schema, String table, List<String> columns) {

    /** PostgreSQL's NAMEDATALEN - 1: longer names are cut, so a suggested name is cut first. */
    private static final int MAX_NAME_BYTES = 63;

    public IndexCandidate {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an index candidate needs a column");
        }
    }

    public QualifiedName qualifiedTable() {
        return QualifiedName.of(schema, table);
    }

    /** {@code <table>_<columns>_idx}, cut to what PostgreSQL keeps. */
    public String suggestedName() {
        String name = table + "_" + String.join("_", columns) + "_idx";
        while (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    /** The index as the create-index kind builds it: concurrently, so the table keeps taking writes. */
    public CreateIndex createIndex() {
        return new CreateIndex(false, true, Identifier.of(suggestedName()), qualifiedTable(), IndexMethod.BTREE,
                columns.stream().map(IndexKey::onColumn).toList(), List.of(), null);
    }

    /** What hypopg is asked to imagine: the same index, built in no transaction at all. */
    public String hypotheticalSql() {
        return createIndex().inTransaction().sql();
    }

    /** {@code schema.table (a, b)}, for people. */
    public String label() {
        return qualifiedTable().display() + " (" + String.join(", ", columns) + ")";
    }
}
