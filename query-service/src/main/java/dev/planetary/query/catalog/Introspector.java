package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The introspection engine: the whole catalog, one table with all its parts, or what a DROP
 * CASCADE would take with it. Metadata only: it runs on the metadata connection, whose role may
 * read no table's rows, and no query here reads a user table.
 */
@Component
public class Introspector {

    private final RelationIntrospection relations;
    private final RoutineIntrospection routines;
    private final AccessIntrospection access;
    private final TypeIntrospection types;
    private final ExternalIntrospection external;
    private final CatalogSql sql;
    private final Clock clock;

    public Introspector(RelationIntrospection relations, RoutineIntrospection routines, AccessIntrospection access,
                        TypeIntrospection types, ExternalIntrospection external, CatalogSql sql, Clock clock) {
        this.relations = relations;
        this.routines = routines;
        this.access = access;
        this.types = types;
        this.external = external;
        this.sql = sql;
        this.clock = clock;
    }

    /** An engine over any connection (the benchmark and tests use this; the application injects one). */
    public static Introspector over(org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock) {
        CatalogSql sql = new CatalogSql(jdbc);
        return new Introspector(new RelationIntrospection(sql), new RoutineIntrospection(sql), new AccessIntrospection(sql),
                new TypeIntrospection(sql), new ExternalIntrospection(sql), sql, clock);
    }

    public RelationIntrospection relations() {
        return relations;
    }

    public RoutineIntrospection routines() {
        return routines;
    }

    public AccessIntrospection access() {
        return access;
    }

    public TypeIntrospection types() {
        return types;
    }

    public ExternalIntrospection external() {
        return external;
    }

    /** Everything, one query per object kind. */
    public Catalog.Snapshot snapshot() {
        CatalogScope all = CatalogScope.ALL;
        ExternalIntrospection.ForeignData foreign = external.foreignData();
        return new Catalog.Snapshot(clock.instant(), relations.schemas(all), relations.tables(all), relations.columns(all),
                relations.constraints(all), relations.indexes(all), relations.views(all), relations.dependencies(all),
                routines.functions(all), routines.triggers(all), routines.eventTriggers(), routines.policies(all),
                access.roles(), access.memberships(), access.privileges(all), access.defaultPrivileges(),
                types.types(all), types.sequences(all), types.extensions(), foreign.wrappers(), foreign.servers(),
                external.userMappings(), foreign.tables(), external.publications(), external.subscriptions(),
                external.replicationSlots());
    }

    /** One table (or view) by schema and name, with everything on its page. */
    public Optional<Catalog.TableDetail> table(String schema, String name) {
        return relationOid(schema, name).flatMap(this::table);
    }

    public Optional<Catalog.TableDetail> table(long oid) {
        CatalogScope scope = CatalogScope.relation(oid);
        List<Catalog.Table> tables = relations.tables(scope);
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        List<Catalog.Dependency> dependencies = relations.dependencies(scope);
        Catalog.TableDetail detail = new Catalog.TableDetail(tables.get(0), relations.columns(scope),
                relations.constraints(scope), relations.indexes(scope), routines.policies(scope), routines.triggers(scope),
                access.privileges(scope),
                dependencies.stream().filter(d -> d.referenced().oid() == oid).toList(), null);
        return Optional.of(Fingerprints.withFingerprint(detail));
    }

    /**
     * What {@code DROP ... CASCADE} of one object would also remove; {@code catalog} is the system
     * catalog holding the object ({@code pg_class} for relations, {@code pg_proc} for functions,
     * {@code pg_namespace} for schemas, {@code pg_type} for types).
     */
    public List<Catalog.Dependent> dropCascade(String catalog, long objectId) {
        return sql.query("drop_cascade", CatalogScope.object(catalog, objectId), (rs, n) -> new Catalog.Dependent(
                rs.getString("kind"), rs.getString("schema"), rs.getString("name"), rs.getString("identity"),
                rs.getString("description"), rs.getInt("depth")));
    }

    public Optional<Long> relationOid(String schema, String name) {
        return sql.query("relation_oid", CatalogScope.named(schema, name), (rs, n) -> rs.getLong(1)).stream().findFirst();
    }
}
