package dev.planetary.query.replication;

import dev.planetary.kernel.replication.ReplicaIdentity;
import dev.planetary.kernel.replication.Replication;
import dev.planetary.kernel.replication.Replication.ForeignServer;
import dev.planetary.kernel.replication.Replication.Publication;
import dev.planetary.kernel.replication.Replication.PublishedTable;
import dev.planetary.kernel.replication.Replication.Sender;
import dev.planetary.kernel.replication.Replication.Slot;
import dev.planetary.kernel.replication.Replication.Subscription;
import dev.planetary.kernel.replication.Replication.UserMapping;
import dev.planetary.kernel.replication.Replication.Worker;
import dev.planetary.kernel.replication.ReplicationQuery;
import dev.planetary.kernel.replication.SlotRisk;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.catalog.CatalogSql;
import dev.planetary.query.health.MonitoringSession;
import dev.planetary.query.target.MetadataTargets;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a target's replication (publications, subscriptions, slots, senders) and foreign servers from the catalog
 * and the statistics views, with the monitoring session's short timeouts; flags the slots at risk with
 * {@code planetary.replication.slot-risk} (WAL an inactive slot may hold) and
 * {@code planetary.replication.slot-xmin-age}. Connection strings and passwords are never read.
 */
@Component
public class ReplicationReader {

    private static final String SERVER = CatalogSql.resource("/replication/server.sql");
    private static final String PUBLICATIONS = CatalogSql.resource("/replication/publications.sql");
    private static final String PUBLISHED_TABLES = CatalogSql.resource("/replication/published_tables.sql");
    private static final String SUBSCRIPTIONS = CatalogSql.resource("/replication/subscriptions.sql");
    private static final String SLOTS = CatalogSql.resource("/replication/slots.sql");
    private static final String SENDERS = CatalogSql.resource("/replication/senders.sql");
    private static final String FOREIGN_SERVERS = CatalogSql.resource("/replication/foreign_servers.sql");
    private static final String USER_MAPPINGS = CatalogSql.resource("/replication/user_mappings.sql");
    /** Server options that may hold a secret for some wrapper: left out of what is shown. */
    private static final Pattern SECRET_OPTION = Pattern.compile("(?i).*(pass|secret|token|key).*");

    private final MetadataTargets targets;
    private final long slotRiskBytes;
    private final long slotXminAge;

    public ReplicationReader(MetadataTargets targets, @Value("${planetary.replication.slot-risk:1GB}") DataSize slotRisk,
                             @Value("${planetary.replication.slot-xmin-age:100000000}") long slotXminAge) {
        this.targets = targets;
        this.slotRiskBytes = slotRisk.toBytes();
        this.slotXminAge = slotXminAge;
    }

    @QueryHandler
    public Replication handle(ReplicationQuery query) {
        return read(query.target());
    }

    public Replication read(TargetId target) {
        return MonitoringSession.read(targets.database(target), jdbc -> {
            Map<String, Object> server = jdbc.sql(SERVER).query().singleRow();
            Number keep = (Number) server.get("max_slot_wal_keep_size");
            return new Replication((String) server.get("wal_level"), keep == null ? null : keep.longValue(), slotRiskBytes,
                    publications(jdbc),
                    jdbc.sql(SUBSCRIPTIONS).query((rs, row) -> subscription(rs)).list(),
                    jdbc.sql(SLOTS).query((rs, row) -> slot(rs)).list(),
                    jdbc.sql(SENDERS).query((rs, row) -> new Sender(rs.getString("application_name"), rs.getString("client_addr"),
                            rs.getString("state"), rs.getString("sync_state"), longOrNull(rs, "behind_bytes"),
                            longOrNull(rs, "replay_lag_millis"))).list(),
                    foreignServers(jdbc));
        });
    }

    private static List<Publication> publications(JdbcClient jdbc) {
        record Row(String publication, String schema, String table, String filter, List<String> columns, String identity,
                   List<String> identityColumns, List<String> filterColumns) {
        }
        List<Row> rows = jdbc.sql(PUBLISHED_TABLES).query((rs, row) -> new Row(rs.getString("pubname"), rs.getString("schemaname"),
                rs.getString("tablename"), rs.getString("rowfilter"), strings(rs.getArray("column_list")), rs.getString("relreplident"),
                strings(rs.getArray("identity_columns")), strings(rs.getArray("filter_columns")))).list();
        return jdbc.sql(PUBLICATIONS).query((rs, n) -> {
            List<String> operations = new ArrayList<>();
            for (String operation : List.of("insert", "update", "delete", "truncate")) {
                if (rs.getBoolean("pub" + operation)) {
                    operations.add(operation);
                }
            }
            String name = rs.getString("pubname");
            List<PublishedTable> published = rows.stream().filter(row -> row.publication().equals(name)).map(row -> {
                ReplicaIdentity identity = ReplicaIdentity.of(row.identity(), row.identityColumns());
                return new PublishedTable(row.schema(), row.table(), row.filter(), row.columns(), identity,
                        identity.problem(operations, row.columns(), row.filterColumns()));
            }).toList();
            return new Publication(name, rs.getString("owner"), rs.getBoolean("puballtables"), operations, rs.getBoolean("pubviaroot"),
                    published);
        }).list();
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        Worker worker = null;
        if (rs.getObject("pid") != null) {
            Instant sent = instant(rs.getTimestamp("last_msg_send_time"));
            Instant received = instant(rs.getTimestamp("last_msg_receipt_time"));
            Long lag = sent == null || received == null ? null : Math.max(0, Duration.between(sent, received).toMillis());
            worker = new Worker(rs.getInt("pid"), rs.getString("received_lsn"), rs.getString("latest_end_lsn"), sent, received,
                    instant(rs.getTimestamp("latest_end_time")), lag);
        }
        return new Subscription(rs.getString("subname"), rs.getString("owner"), rs.getBoolean("subenabled"),
                strings(rs.getArray("subpublications")), rs.getString("subslotname"), rs.getInt("tables_ready"),
                rs.getInt("tables_syncing"), worker);
    }

    private Slot slot(ResultSet rs) throws SQLException {
        boolean active = rs.getBoolean("active");
        String walStatus = rs.getString("wal_status");
        Long retained = longOrNull(rs, "retained_bytes");
        Long xminAge = longOrNull(rs, "xmin_age");
        return new Slot(rs.getString("slot_name"), rs.getString("slot_type"), rs.getString("plugin"), rs.getString("database"),
                active, rs.getBoolean("temporary"), walStatus, retained, longOrNull(rs, "safe_wal_size"), xminAge,
                SlotRisk.of(active, walStatus, retained, xminAge, slotRiskBytes, slotXminAge));
    }

    private static List<ForeignServer> foreignServers(JdbcClient jdbc) {
        record Mapping(String server, UserMapping mapping) {
        }
        List<Mapping> mappings = jdbc.sql(USER_MAPPINGS).query((rs, row) -> new Mapping(rs.getString("srvname"),
                new UserMapping(rs.getString("usename"), rs.getString("remote_user"), (Boolean) rs.getObject("password")))).list();
        return jdbc.sql(FOREIGN_SERVERS).query((rs, row) -> {
            String name = rs.getString("srvname");
            List<String> options = strings(rs.getArray("options")).stream()
                    .filter(option -> !SECRET_OPTION.matcher(option.split("=", 2)[0]).matches()).toList();
            return new ForeignServer(name, rs.getString("fdwname"), rs.getString("owner"), options,
                    mappings.stream().filter(m -> m.server().equals(name)).map(Mapping::mapping).toList());
        }).list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
