package dev.planetary.query.replication;

import dev.planetary.kernel.ddl.PublicationDdl;
import dev.planetary.kernel.ddl.PublicationTable;
import dev.planetary.kernel.replication.FindPublicationFactsQuery;
import dev.planetary.kernel.replication.FindSlotFactsQuery;
import dev.planetary.kernel.replication.PublicationFacts.TableIdentity;
import dev.planetary.kernel.replication.PublicationFacts;
import dev.planetary.kernel.replication.ReplicaIdentity;
import dev.planetary.kernel.replication.SlotFacts;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.query.catalog.CatalogSql;
import dev.planetary.query.health.MonitoringSession;
import dev.planetary.query.target.MetadataTargets;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a replication change is checked against and undone with: a publication's definition (its tables with
 * their column lists and row filters as PostgreSQL prints them) and the replica identity of every table involved;
 * a slot's type, use and the WAL it holds. With the metadata login, read-only, with the monitoring timeouts.
 */
@Component
public class ReplicationFactsReader {

    private static final String PUBLICATION = CatalogSql.resource("/replication/publication_facts.sql");
    private static final String TABLES = CatalogSql.resource("/replication/publication_rel_facts.sql");
    private static final String IDENTITY = CatalogSql.resource("/replication/table_identity.sql");
    private static final String SLOT = """
            SELECT s.slot_type, s.active, s.active_pid,
                   CASE WHEN s.restart_lsn IS NULL THEN NULL
                        ELSE pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), s.restart_lsn)::bigint END AS retained_bytes
            FROM pg_catalog.pg_replication_slots s WHERE s.slot_name = :name""";

    private final MetadataTargets targets;

    public ReplicationFactsReader(MetadataTargets targets) {
        this.targets = targets;
    }

    @QueryHandler
    public PublicationFacts handle(FindPublicationFactsQuery query) {
        return MonitoringSession.read(targets.database(query.target()), jdbc -> {
            List<Map<String, Object>> found = jdbc.sql(PUBLICATION).param("name", query.publication()).query().listOfRows();
            List<PublicationTable> tables = new ArrayList<>();
            Set<QualifiedName> involved = new LinkedHashSet<>(query.tables());
            if (found.isEmpty()) {
                return PublicationFacts.none(identities(jdbc, involved));
            }
            Map<String, Object> publication = found.get(0);
            tables.addAll(jdbc.sql(TABLES).param("publication", publication.get("oid")).query((rs, n) -> new PublicationTable(
                    QualifiedName.of(rs.getString("nspname"), rs.getString("relname")),
                    strings(rs.getArray("columns")).stream().map(Identifier::of).toList(),
                    SqlFragment.of(rs.getString("row_filter")))).list());
            tables.forEach(table -> involved.add(table.table()));
            List<String> operations = PublicationDdl.OPERATIONS.stream().filter(op -> Boolean.TRUE.equals(publication.get("pub" + op))).toList();
            return new PublicationFacts(true, (Boolean) publication.get("all_tables"), operations, (Boolean) publication.get("pubviaroot"),
                    tables, identities(jdbc, involved));
        });
    }

    @QueryHandler
    public SlotFacts handle(FindSlotFactsQuery query) {
        return MonitoringSession.read(targets.database(query.target()), jdbc -> jdbc.sql(SLOT).param("name", query.slot())
                .query((rs, n) -> new SlotFacts(true, rs.getString("slot_type"), rs.getBoolean("active"),
                        (Integer) rs.getObject("active_pid"), (Long) rs.getObject("retained_bytes")))
                .optional().orElse(SlotFacts.NONE));
    }

    private static List<TableIdentity> identities(JdbcClient jdbc, Set<QualifiedName> tables) {
        List<TableIdentity> identities = new ArrayList<>();
        for (QualifiedName table : tables) {
            jdbc.sql(IDENTITY).param("schema", table.schema().name()).param("table", table.name().name())
                    .query((rs, n) -> new TableIdentity(table, ReplicaIdentity.of(rs.getString("relreplident"),
                            strings(rs.getArray("identity_columns"))), strings(rs.getArray("columns"))))
                    .optional().ifPresent(identities::add);
        }
        return identities;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
