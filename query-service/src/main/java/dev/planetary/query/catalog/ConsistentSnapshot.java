package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A whole-catalog snapshot read by two connections in parallel, both in one REPEATABLE READ
 * snapshot: the first exports it ({@code pg_export_snapshot()}), the second adopts it
 * ({@code SET TRANSACTION SNAPSHOT}). The two halves are balanced by their measured cost at
 * 10,000 tables (bench/README.md).
 */
final class ConsistentSnapshot {

    /** Snapshot ids look like 00000003-0000001B-1. */
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]+-[0-9A-F]+-[0-9]+");

    private ConsistentSnapshot() {
    }

    private record FirstHalf(List<Catalog.Schema> schemas, List<Catalog.Table> tables, List<Catalog.Index> indexes,
                             List<Catalog.View> views, List<Catalog.Function> functions, List<Catalog.Policy> policies,
                             List<Catalog.Privilege> privileges, List<Catalog.DefaultPrivilege> defaultPrivileges,
                             List<Catalog.Role> roles, List<Catalog.Membership> memberships,
                             ExternalIntrospection.ForeignData foreign, List<Catalog.UserMapping> userMappings) {
    }

    private record SecondHalf(List<Catalog.Column> columns, List<Catalog.Constraint> constraints,
                              List<Catalog.Dependency> dependencies, List<Catalog.Trigger> triggers,
                              List<Catalog.EventTrigger> eventTriggers, List<Catalog.Type> types,
                              List<Catalog.Sequence> sequences, List<Catalog.Extension> extensions,
                              List<Catalog.Publication> publications, List<Catalog.Subscription> subscriptions,
                              List<Catalog.ReplicationSlot> slots) {
    }

    static Catalog.Snapshot take(DataSource pool, Clock clock) {
        try (Connection exporter = pool.getConnection(); Connection importer = pool.getConnection()) {
            try {
                String snapshotId = begin(exporter, null);
                begin(importer, snapshotId);
                Introspector first = Introspector.bound(JdbcClient.create(new SingleConnectionDataSource(exporter, true)), clock);
                Introspector second = Introspector.bound(JdbcClient.create(new SingleConnectionDataSource(importer, true)), clock);
                CompletableFuture<SecondHalf> secondHalf = CompletableFuture.supplyAsync(() -> secondHalf(second));
                FirstHalf a = firstHalf(first);
                SecondHalf b = secondHalf.join();
                return new Catalog.Snapshot(clock.instant(), a.schemas(), a.tables(), b.columns(), b.constraints(),
                        a.indexes(), a.views(), b.dependencies(), a.functions(), b.triggers(), b.eventTriggers(),
                        a.policies(), a.roles(), a.memberships(), a.privileges(), a.defaultPrivileges(), b.types(),
                        b.sequences(), b.extensions(), a.foreign().wrappers(), a.foreign().servers(), a.userMappings(),
                        a.foreign().tables(), b.publications(), b.subscriptions(), b.slots());
            } finally {
                exporter.rollback();
                importer.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the catalog: " + e.getMessage(), e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static FirstHalf firstHalf(Introspector engine) {
        CatalogScope all = CatalogScope.ALL;
        return new FirstHalf(engine.relations().schemas(all), engine.relations().tables(all), engine.relations().indexes(all),
                engine.relations().views(all), engine.routines().functions(all), engine.routines().policies(all),
                engine.access().privileges(all), engine.access().defaultPrivileges(), engine.access().roles(),
                engine.access().memberships(), engine.external().foreignData(), engine.external().userMappings());
    }

    private static SecondHalf secondHalf(Introspector engine) {
        CatalogScope all = CatalogScope.ALL;
        return new SecondHalf(engine.relations().columns(all), engine.relations().constraints(all),
                engine.relations().dependencies(all), engine.routines().triggers(all), engine.routines().eventTriggers(),
                engine.types().types(all), engine.types().sequences(all), engine.types().extensions(),
                engine.external().publications(), engine.external().subscriptions(), engine.external().replicationSlots());
    }

    /** Starts a read-only REPEATABLE READ transaction; exports its snapshot, or adopts {@code snapshotId}. */
    private static String begin(Connection connection, String snapshotId) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            if (snapshotId != null) {
                if (!SNAPSHOT_ID.matcher(snapshotId).matches()) {
                    throw new IllegalStateException("unexpected snapshot id " + snapshotId);
                }
                statement.execute("SET TRANSACTION SNAPSHOT '" + snapshotId + "'");
                return snapshotId;
            }
            try (ResultSet rows = statement.executeQuery("SELECT pg_export_snapshot()")) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
