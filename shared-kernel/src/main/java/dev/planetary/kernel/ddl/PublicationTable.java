package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.List;
import java.util.Objects;

/**
 * A table as a publication publishes it: its columns ({@code columns} empty or null: every column, and the ones
 * added later) and the rows its {@code rowFilter} keeps (null: every row). The filter is SQL the requester writes,
 * one expression ({@link SqlFragment}), shown verbatim and dry-run.
 */
public record PublicationTable(QualifiedName table, List<Identifier> columns, SqlFragment rowFilter) {

    public PublicationTable {
        Objects.requireNonNull(table, "table");
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** {@code "app"."orders" ("id", "region") WHERE (id > 0)}. */
    public String clause() {
        return table.quoted() + (columns.isEmpty() ? "" : " (" + String.join(", ", columns.stream().map(Identifier::quoted).toList()) + ")")
                + (rowFilter == null ? "" : " WHERE " + rowFilter.parenthesized());
    }

    /** The column list's names, or null for every column (as the replica identity check reads it). */
    public List<String> columnNames() {
        return columns.isEmpty() ? null : columns.stream().map(Identifier::name).toList();
    }
}
