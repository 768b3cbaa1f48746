package dev.planetary.kernel.replication;

import dev.planetary.kernel.ddl.PublicationTable;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.List;
import java.util.Optional;

/**
 * A publication as Planetary read it at proposal ({@code exists} false: there is none of that name), and the
 * tables a change names or the publication holds, each with its replica identity and its columns, so a table
 * whose UPDATE or DELETE would fail is refused before anyone reviews it.
 */
public record PublicationFacts(boolean exists, boolean allTables, List<String> operations, boolean viaRoot,
                               List<PublicationTable> tables, List<TableIdentity> identities) {

    public PublicationFacts {
        operations = List.copyOf(operations);
        tables = List.copyOf(tables);
        identities = List.copyOf(identities);
    }

    public static PublicationFacts none(List<TableIdentity> identities) {
        return new PublicationFacts(false, false, List.of(), false, List.of(), identities);
    }

    /** A table's replica identity and columns (to read which of them a row filter names). */
    public record TableIdentity(QualifiedName table, ReplicaIdentity identity, List<String> columns) {

        public TableIdentity {
            columns = List.copyOf(columns);
        }
    }

    public Optional<TableIdentity> identity(QualifiedName table) {
        return identities.stream().filter(i -> i.table().equals(table)).findFirst();
    }

    public Optional<PublicationTable> published(QualifiedName table) {
        return tables.stream().filter(t -> t.table().equals(table)).findFirst();
    }
}
