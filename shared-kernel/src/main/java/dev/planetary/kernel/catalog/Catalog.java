package dev.planetary.kernel.catalog;

import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.trigger.TriggerLevel;
import dev.planetary.kernel.spec.trigger.TriggerTiming;

import java.time.Instant;
import java.util.List;

/**
 * What introspection returns: one record per catalog object, metadata only. Every record carries
 * the object's {@code oid} (its stable id while it exists) and names as PostgreSQL spells them;
 * definitions are PostgreSQL's own text ({@code pg_get_*def}).
 */
public final class Catalog {

    private Catalog() {
    }

    public record Schema(long oid, String name, String owner, String comment) {
    }

    public enum RelationKind { TABLE, PARTITIONED_TABLE, FOREIGN_TABLE, VIEW, MATERIALIZED_VIEW }

    public record Table(long oid, String schema, String name, RelationKind kind, String owner, boolean rlsEnabled,
                        boolean rlsForced, long rowEstimate, long totalBytes, String comment) {
    }

    public enum Identity { NONE, ALWAYS, BY_DEFAULT }

    public record Column(long relationOid, String schema, String relation, int position, String name, String type,
                         boolean notNull, String defaultExpression, Identity identity, String generatedExpression,
                         String collation, String comment) {
    }

    public enum ConstraintKind { PRIMARY_KEY, FOREIGN_KEY, UNIQUE, CHECK, EXCLUSION, TRIGGER }

    public enum ForeignKeyAction { NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT }

    public record Constraint(long oid, long tableOid, String schema, String table, String name, ConstraintKind kind,
                             List<String> columns, String referencedSchema, String referencedTable,
                             List<String> referencedColumns, ForeignKeyAction onUpdate, ForeignKeyAction onDelete,
                             boolean deferrable, boolean initiallyDeferred, boolean validated, String definition) {
    }

    /**
     * An index: its key columns or expressions, and per key ({@code keyOptions}, '' for none) a
     * non-default operator class, DESC and NULLS FIRST/LAST; the columns it only carries
     * ({@code include}); the full CREATE INDEX text ({@code definition}) only on a table's page.
     */
    public record Index(long oid, long tableOid, String schema, String table, String name, String method,
                        List<String> keys, String predicate, boolean unique, boolean primary, boolean valid, boolean ready,
                        long sizeBytes, long scans, boolean unused, String definition, List<String> keyOptions,
                        List<String> include) {

        public Index {
            // none at all is an empty list, whatever the number of keys
            keyOptions = keyOptions == null || keyOptions.stream().allMatch(String::isEmpty) ? List.of() : List.copyOf(keyOptions);
            include = include == null ? List.of() : List.copyOf(include);
        }

        /** An index with plain keys (no operator class, direction or INCLUDE columns given). */
        public Index(long oid, long tableOid, String schema, String table, String name, String method, List<String> keys,
                     String predicate, boolean unique, boolean primary, boolean valid, boolean ready, long sizeBytes, long scans,
                     boolean unused, String definition) {
            this(oid, tableOid, schema, table, name, method, keys, predicate, unique, primary, valid, ready, sizeBytes, scans,
                    unused, definition, List.of(), List.of());
        }
    }

    public record View(long oid, String schema, String name, boolean materialized, String owner, String definition,
                       boolean securityInvoker, boolean securityBarrier, String comment) {
    }

    /** {@code dependent} (a view) uses {@code referenced} (a table, view or function). */
    public record Dependency(ObjectName dependent, ObjectName referenced) {
    }

    public record ObjectName(long oid, String kind, String schema, String name) {
    }

    public enum RoutineKind { FUNCTION, PROCEDURE, AGGREGATE, WINDOW }

    public enum Volatility { IMMUTABLE, STABLE, VOLATILE }

    public enum ArgumentMode { IN, OUT, INOUT, VARIADIC, TABLE }

    public record Argument(String name, ArgumentMode mode, String type, String defaultExpression) {
    }

    public record Function(long oid, String schema, String name, RoutineKind kind, String identityArguments,
                           List<Argument> arguments, String returns, String language, Volatility volatility,
                           boolean securityDefiner, boolean strict, String owner, String body, List<String> settings,
                           String comment, int overloads) {
        /** {@code app.total(text)}: unique among functions. */
        public String signature() {
            return schema + "." + name + "(" + identityArguments + ")";
        }
    }

    public enum TriggerEnabled { ORIGIN, ALWAYS, REPLICA, DISABLED }

    public record Trigger(long oid, long tableOid, String schema, String table, String name, TriggerTiming timing,
                          List<TriggerEvent> events, List<String> columns, TriggerLevel level, String when,
                          String functionSchema, String functionName, TriggerEnabled enabled, boolean constraint,
                          boolean deferrable, boolean initiallyDeferred, String definition) {
    }

    public record EventTrigger(long oid, String name, String event, List<String> tags, String functionSchema,
                               String functionName, TriggerEnabled enabled, String owner) {
    }

    public record Policy(long oid, long tableOid, String schema, String table, String name, PolicyCommand command,
                         PolicyMode mode, List<String> roles, String using, String withCheck) {
    }

    public record Role(long oid, String name, boolean superuser, boolean inherit, boolean createRole, boolean createDb,
                       boolean login, boolean replication, boolean bypassRls, int connectionLimit, Instant validUntil,
                       boolean builtIn, String comment) {
    }

    /** {@code member} is a member of {@code role}. */
    public record Membership(String role, String member, boolean adminOption, String grantor) {
    }

    public enum PrivilegeObject { TABLE, VIEW, MATERIALIZED_VIEW, FOREIGN_TABLE, SEQUENCE, COLUMN, SCHEMA, FUNCTION }

    /** One cell of the role × object × privilege matrix. {@code grantee} is "PUBLIC" for everyone. */
    public record Privilege(PrivilegeObject objectType, long objectOid, String schema, String object, String column,
                            String grantee, String privilege, boolean grantable, String grantor) {
    }

    public record DefaultPrivilege(String owner, String schema, String objectType, String grantee, String privilege,
                                   boolean grantable) {
    }

    public enum TypeKind { ENUM, COMPOSITE, DOMAIN, RANGE }

    public record Field(String name, String type) {
    }

    public record Type(long oid, String schema, String name, TypeKind kind, String owner, List<String> enumValues,
                       List<Field> fields, String baseType, boolean notNull, String defaultExpression,
                       List<String> constraints, String subtype, String comment) {
    }

    public record Sequence(long oid, String schema, String name, String dataType, long start, long increment,
                           long minimum, long maximum, long cache, boolean cycle, Long lastValue, String ownedByTable,
                           String ownedByColumn, String owner) {
    }

    public record Extension(String name, String installedVersion, String defaultVersion, String schema, String comment) {
    }

    public record ForeignDataWrapper(String name, String handler, String validator, String owner, List<String> options) {
    }

    /** Options are {@code key=value}; values of keys that look like secrets are masked. */
    public record ForeignServer(String name, String wrapper, String type, String version, String owner, List<String> options) {
    }

    /** Never a password: option values that look like secrets are masked. */
    public record UserMapping(String server, String user, List<String> options) {
    }

    public record ForeignTable(long oid, String schema, String name, String server, List<String> options) {
    }

    public record PublishedTable(String schema, String table, String rowFilter, List<String> columns) {
    }

    public record Publication(String name, String owner, boolean allTables, boolean insert, boolean update,
                              boolean delete, boolean truncate, List<PublishedTable> tables, List<String> schemas) {
    }

    /** Without the connection string: it holds credentials. */
    public record Subscription(String name, String owner, boolean enabled, List<String> publications, String slotName) {
    }

    public record ReplicationSlot(String name, String plugin, String type, String database, boolean active,
                                  String restartLsn, String confirmedFlushLsn, String walStatus) {
    }

    /** The whole catalog at one moment. */
    public record Snapshot(Instant takenAt, List<Schema> schemas, List<Table> tables, List<Column> columns,
                           List<Constraint> constraints, List<Index> indexes, List<View> views,
                           List<Dependency> dependencies, List<Function> functions, List<Trigger> triggers,
                           List<EventTrigger> eventTriggers, List<Policy> policies, List<Role> roles,
                           List<Membership> memberships, List<Privilege> privileges,
                           List<DefaultPrivilege> defaultPrivileges, List<Type> types, List<Sequence> sequences,
                           List<Extension> extensions, List<ForeignDataWrapper> foreignDataWrappers,
                           List<ForeignServer> foreignServers, List<UserMapping> userMappings,
                           List<ForeignTable> foreignTables, List<Publication> publications,
                           List<Subscription> subscriptions, List<ReplicationSlot> replicationSlots) {
    }

    /** Everything about one table, for its page. */
    public record TableDetail(Table table, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
                              List<Policy> policies, List<Trigger> triggers, List<Privilege> privileges,
                              List<Dependency> dependentViews, String fingerprint) {
    }

    /** One object {@code DROP ... CASCADE} would remove, with how deep in the chain it is. */
    public record Dependent(String kind, String schema, String name, String identity, String description, int depth) {
    }
}
