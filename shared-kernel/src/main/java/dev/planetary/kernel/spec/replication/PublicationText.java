package dev.planetary.kernel.spec.replication;

import dev.planetary.kernel.ddl.PublicationDdl;
import dev.planetary.kernel.ddl.PublicationTable;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.replication.PublicationFacts.TableIdentity;
import dev.planetary.kernel.replication.PublicationFacts;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the publication kinds check alike: the operations, the tables named once, each table's replica identity. */
final class PublicationText {

    private PublicationText() {
    }

    /** Every operation when none is given; otherwise the ones given, known and in PostgreSQL's order. */
    static List<String> operations(List<String> operations) {
        if (operations == null) {
            return null;
        }
        if (operations.isEmpty()) {
            throw new SpecViolation("operations", "a publication publishes at least one of " + String.join(", ", PublicationDdl.OPERATIONS));
        }
        try {
            return PublicationDdl.operations(operations);
        } catch (IllegalArgumentException e) {
            throw new SpecViolation("operations", e.getMessage());
        }
    }

    /** The tables, each named once. */
    static List<PublicationTable> tables(String field, List<PublicationTable> tables) {
        List<PublicationTable> given = tables == null ? List.of() : List.copyOf(tables);
        Set<QualifiedName> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                throw new SpecViolation(field + "[" + i + "]", "a table is required");
            }
            if (!seen.add(given.get(i).table())) {
                throw new SpecViolation(field + "[" + i + "].table", given.get(i).table().display() + " is named twice");
            }
        }
        return given;
    }

    /**
     * Refuses a table that is not there, and one whose UPDATE or DELETE would fail once published for
     * {@code operations} as {@code table} says (its replica identity, column list and row filter), with the reason.
     */
    static void requireIdentity(String field, PublicationTable table, List<String> operations, PublicationFacts facts) {
        TableIdentity identity = facts.identity(table.table()).orElseThrow(() ->
                new SpecViolation(field + ".table", "there is no table " + table.table().display()));
        List<String> filterColumns = table.rowFilter() == null ? null
                : identity.columns().stream().filter(table.rowFilter().names()::contains).toList();
        String problem = identity.identity().problem(operations, table.columnNames(), filterColumns);
        if (problem != null) {
            throw new SpecViolation(field, table.table().display() + ": " + problem);
        }
    }

    static List<ObjectRef> refs(List<PublicationTable> tables) {
        return tables.stream().map(t -> ObjectRef.table(t.table())).toList();
    }
}
