package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.List;
import java.util.Set;

/** CREATE, ALTER and DROP PUBLICATION, every name quoted here; the operations are PostgreSQL's four words. */
public final class PublicationDdl {

    /** What a publication may publish, in PostgreSQL's order. */
    public static final List<String> OPERATIONS = List.of("insert", "update", "delete", "truncate");

    private PublicationDdl() {
    }

    public static String create(Identifier name, List<PublicationTable> tables, List<String> operations, boolean viaRoot) {
        return "CREATE PUBLICATION " + name.quoted() + " FOR TABLE " + clauses(tables) + " WITH (" + publish(operations)
                + (viaRoot ? ", publish_via_partition_root = true" : "") + ")";
    }

    public static String addTables(Identifier name, List<PublicationTable> tables) {
        return "ALTER PUBLICATION " + name.quoted() + " ADD TABLE " + clauses(tables);
    }

    public static String dropTables(Identifier name, List<QualifiedName> tables) {
        return "ALTER PUBLICATION " + name.quoted() + " DROP TABLE " + String.join(", ", tables.stream().map(QualifiedName::quoted).toList());
    }

    public static String setOperations(Identifier name, List<String> operations) {
        return "ALTER PUBLICATION " + name.quoted() + " SET (" + publish(operations) + ")";
    }

    public static String drop(Identifier name) {
        return "DROP PUBLICATION " + name.quoted();
    }

    /** The operations in PostgreSQL's order; an unknown one is refused (it would go into a string literal). */
    public static List<String> operations(List<String> operations) {
        Set<String> wanted = Set.copyOf(operations);
        for (String operation : wanted) {
            if (!OPERATIONS.contains(operation)) {
                throw new IllegalArgumentException("a publication publishes " + String.join(", ", OPERATIONS) + ", not " + operation);
            }
        }
        return OPERATIONS.stream().filter(wanted::contains).toList();
    }

    private static String publish(List<String> operations) {
        return "publish = '" + String.join(", ", operations(operations)) + "'";
    }

    private static String clauses(List<PublicationTable> tables) {
        return String.join(", ", tables.stream().map(PublicationTable::clause).toList());
    }
}
