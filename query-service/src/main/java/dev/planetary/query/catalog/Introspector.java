package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.query.target.MetadataDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The introspection engine: the whole catalog, one table with all its parts, or what a DROP
 * CASCADE would take with it. Metadata only: it runs on the metadata connection, whose role may
 * read no table's rows, and no query here reads a user table.
 */
public class Introspector {

    private final RelationIntrospection relations;
    private final RoutineIntrospection routines;
    private final AccessIntrospection access;
    private final TypeIntrospection types;
    private final ExternalIntrospection external;
    private final CatalogSql sql;
    private final DataSource dataSource;
    private final Clock clock;

    /** The engine of one target ({@link dev.planetary.query.target.MetadataTargets} keeps one per target). */
    public Introspector(MetadataDatabase metadata, Clock clock) {
        this(metadata.dataSource(), clock);
    }

    private Introspector(DataSource dataSource, Clock clock) {
        this(JdbcClient.create(dataSource), dataSource, clock);
    }

    private Introspector(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.sql = new CatalogSql(jdbc);
        this.relations = new RelationIntrospection(sql);
        this.routines = new RoutineIntrospection(sql);
        this.access = new AccessIntrospection(sql);
        this.types = new TypeIntrospection(sql);
        this.external = new ExternalIntrospection(sql);
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** An engine over any metadata connection pool (the benchmark and tests use this). */
    public static Introspector over(DataSource dataSource, Clock clock) {
        return new Introspector(dataSource, clock);
    }

    /** An engine bound to one connection (for one transaction's snapshot). */
    static Introspector bound(JdbcClient connection, Clock clock) {
        return new Introspector(connection, null, clock);
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

    /** The catalog queries themselves, for readers of one object's facts in this package. */
    CatalogSql sql() {
        return sql;
    }

    /**
     * Runs {@code read} in a transaction of its own whose search_path is empty, so PostgreSQL's
     * deparsers ({@code pg_get_indexdef} and its kin) qualify every name outside pg_catalog: text
     * meant to run later, in another session (the DDL role's), must not depend on this session's
     * search_path. Rolled back: it only reads.
     */
    <T> T withQualifiedNames(Function<CatalogSql, T> read) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (java.sql.Statement pin = connection.createStatement()) {
                pin.execute("SELECT pg_catalog.set_config('search_path', '', true)");
                return read.apply(new CatalogSql(JdbcClient.create(new SingleConnectionDataSource(connection, true))));
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the catalog could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Everything, one query per object kind, as of one moment: the queries are split over two
     * connections that share one exported transaction snapshot (as pg_dump -j does), so the
     * catalog is read consistently in about half the time on a machine with two cores.
     */
    public Catalog.Snapshot snapshot() {
        return ConsistentSnapshot.take(dataSource, clock);
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
