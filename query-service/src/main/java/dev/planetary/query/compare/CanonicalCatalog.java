package dev.planetary.query.compare;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.compare.ObjectDifference.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One target's catalog snapshot as canonical objects keyed by kind and name. Oids are used only
 * inside the snapshot, to gather a table's columns, constraints, indexes and grants; nothing that
 * leaves this class carries one. Planetary's own schema and PostgreSQL's (pg_*, information_schema)
 * are not compared.
 */
final class CanonicalCatalog {

    /** Planetary's bookkeeping on a target (the drift watermark, the DDL ledger): differs by design. */
    static final String PLANETARY_SCHEMA = "planetary";

    private final Map<ObjectKey, String> definitions = new HashMap<>();
    private final Map<ObjectKey, List<String>> grants = new HashMap<>();
    private final Map<Long, ObjectKey> relations = new HashMap<>();
    private final Map<Long, ObjectKey> schemas = new HashMap<>();
    private final Map<Long, ObjectKey> functions = new HashMap<>();

    private CanonicalCatalog() {
    }

    static Map<ObjectKey, CanonicalObject> of(Catalog.Snapshot snapshot) {
        CanonicalCatalog catalog = new CanonicalCatalog();
        catalog.read(snapshot);
        return catalog.hashed();
    }

    static boolean compared(String schema) {
        return !schema.equals(PLANETARY_SCHEMA) && !schema.startsWith("pg_") && !schema.equals("information_schema");
    }

    private void read(Catalog.Snapshot snapshot) {
        Map<Long, List<Catalog.Column>> columns = group(snapshot.columns(), Catalog.Column::relationOid);
        Map<Long, List<Catalog.Constraint>> constraints = group(snapshot.constraints(), Catalog.Constraint::tableOid);
        Map<Long, List<Catalog.Index>> indexes = group(snapshot.indexes(), Catalog.Index::tableOid);
        Map<Long, Catalog.ForeignTable> foreign = new HashMap<>();
        snapshot.foreignTables().forEach(table -> foreign.put(table.oid(), table));

        for (Catalog.Schema schema : snapshot.schemas()) {
            if (compared(schema.name())) {
                schemas.put(schema.oid(), add(Kind.SCHEMA, Names.identifier(schema.name()), SchemaDefinitions.schema(schema)));
            }
        }
        for (Catalog.Type type : snapshot.types()) {
            if (compared(type.schema())) {
                add(Kind.TYPE, Names.qualified(type.schema(), type.name()), SchemaDefinitions.type(type));
            }
        }
        for (Catalog.Sequence sequence : snapshot.sequences()) {
            if (compared(sequence.schema())) {
                relations.put(sequence.oid(), add(Kind.SEQUENCE, Names.qualified(sequence.schema(), sequence.name()),
                        RelationDefinitions.sequence(sequence)));
            }
        }
        for (Catalog.Table table : snapshot.tables()) {
            if (compared(table.schema())) {
                relations.put(table.oid(), add(Kind.TABLE, Names.qualified(table.schema(), table.name()),
                        RelationDefinitions.table(table, parts(columns, table.oid()), parts(constraints, table.oid()),
                                parts(indexes, table.oid()), foreign.get(table.oid()))));
            }
        }
        for (Catalog.View view : snapshot.views()) {
            if (compared(view.schema())) {
                relations.put(view.oid(), add(Kind.VIEW, Names.qualified(view.schema(), view.name()),
                        RelationDefinitions.view(view, parts(indexes, view.oid()), parts(columns, view.oid()))));
            }
        }
        for (Catalog.Function function : snapshot.functions()) {
            if (compared(function.schema())) {
                functions.put(function.oid(), add(Kind.FUNCTION, RoutineDefinitions.functionName(function),
                        RoutineDefinitions.function(function)));
            }
        }
        for (Catalog.Policy policy : snapshot.policies()) {
            if (compared(policy.schema())) {
                add(Kind.POLICY, RoutineDefinitions.policyName(policy), RoutineDefinitions.policy(policy));
            }
        }
        for (Catalog.Trigger trigger : snapshot.triggers()) {
            if (compared(trigger.schema())) {
                add(Kind.TRIGGER, RoutineDefinitions.triggerName(trigger), RoutineDefinitions.trigger(trigger));
            }
        }
        readCluster(snapshot);
        for (Catalog.Privilege privilege : snapshot.privileges()) {
            ObjectKey key = switch (privilege.objectType()) {
                case SCHEMA -> schemas.get(privilege.objectOid());
                case FUNCTION -> functions.get(privilege.objectOid());
                default -> relations.get(privilege.objectOid());
            };
            // null: an object not compared (an extension's table, Planetary's own schema)
            if (key != null) {
                grants.computeIfAbsent(key, k -> new ArrayList<>()).add(grant(privilege));
            }
        }
    }

    /** Roles (but PostgreSQL's own), extensions, event triggers, publications and default privileges. */
    private void readCluster(Catalog.Snapshot snapshot) {
        Map<String, List<Catalog.Membership>> memberOf = new HashMap<>();
        snapshot.memberships().forEach(m -> memberOf.computeIfAbsent(m.member(), k -> new ArrayList<>()).add(m));
        snapshot.roles().stream().filter(role -> !role.builtIn() && !role.name().startsWith("pg_")).forEach(role -> add(Kind.ROLE,
                Names.identifier(role.name()), ClusterDefinitions.role(role, memberOf.getOrDefault(role.name(), List.of()))));
        snapshot.extensions().stream().filter(e -> e.installedVersion() != null)
                .forEach(e -> add(Kind.EXTENSION, Names.identifier(e.name()), ClusterDefinitions.extension(e)));
        snapshot.eventTriggers().forEach(t -> add(Kind.EVENT_TRIGGER, Names.identifier(t.name()), ClusterDefinitions.eventTrigger(t)));
        snapshot.publications().forEach(p -> add(Kind.PUBLICATION, Names.identifier(p.name()), ClusterDefinitions.publication(p)));
        for (Catalog.DefaultPrivilege privilege : snapshot.defaultPrivileges()) {
            String name = ClusterDefinitions.defaultPrivilegesName(privilege);
            ObjectKey key = add(Kind.DEFAULT_PRIVILEGES, name, "DEFAULT PRIVILEGES " + name);
            grants.computeIfAbsent(key, k -> new ArrayList<>()).add(Names.grantee(privilege.grantee()) + ": " + privilege.privilege()
                    + (privilege.grantable() ? " WITH GRANT OPTION" : ""));
        }
    }

    /** {@code "karen": SELECT}, {@code "karen": UPDATE ("note") WITH GRANT OPTION}, {@code PUBLIC: EXECUTE}. */
    static String grant(Catalog.Privilege privilege) {
        return Names.grantee(privilege.grantee()) + ": " + privilege.privilege()
                + (privilege.column() == null ? "" : " (" + Names.identifier(privilege.column()) + ")")
                + (privilege.grantable() ? " WITH GRANT OPTION" : "");
    }

    private ObjectKey add(Kind kind, String name, String definition) {
        ObjectKey key = new ObjectKey(kind, name);
        definitions.put(key, definition);
        return key;
    }

    private Map<ObjectKey, CanonicalObject> hashed() {
        Sha256 sha = new Sha256();
        Map<ObjectKey, CanonicalObject> objects = new HashMap<>(definitions.size() * 2);
        definitions.forEach((key, definition) -> {
            List<String> sorted = new ArrayList<>(grants.getOrDefault(key, List.of()));
            sorted.sort(null);
            objects.put(key, new CanonicalObject(key, definition, List.copyOf(sorted), sha.hex(definition),
                    sha.hex(String.join("\n", sorted))));
        });
        return objects;
    }

    private static <T> Map<Long, List<T>> group(List<T> rows, Function<T, Long> owner) {
        Map<Long, List<T>> grouped = new HashMap<>();
        for (T row : rows) {
            grouped.computeIfAbsent(owner.apply(row), k -> new ArrayList<>()).add(row);
        }
        return grouped;
    }

    private static <T> List<T> parts(Map<Long, List<T>> grouped, long oid) {
        return grouped.getOrDefault(oid, List.of());
    }
}
