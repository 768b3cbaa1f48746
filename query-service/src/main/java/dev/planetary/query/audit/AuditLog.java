package dev.planetary.query.audit;

import dev.planetary.kernel.audit.AuditTrail.Filter;
import dev.planetary.kernel.audit.AuditTrail.Health;
import dev.planetary.kernel.audit.AuditTrail.Row;
import dev.planetary.kernel.audit.AuditTrail;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.catalog.Introspector;
import dev.planetary.query.catalog.Introspectors;
import dev.planetary.query.target.MetadataTargets;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail as operators read it: the one place Planetary shows row data, so every method is
 * for operators only. Reads go to the audit server as its owner (the writer cannot read).
 */
@Service
public class AuditLog {

    private final AuditServer server;
    private final Introspectors introspectors;
    private final MetadataTargets targets;

    public AuditLog(AuditServer server, Introspectors introspectors, MetadataTargets targets) {
        this.server = server;
        this.introspectors = introspectors;
        this.targets = targets;
    }

    @QueryHandler
    public List<Row> rows(AuditTrail.RowsQuery query) {
        return rows(query.target(), query.filter());
    }

    @QueryHandler
    public Health health(AuditTrail.HealthQuery query) {
        return health(query.target());
    }

    @PreAuthorize("hasRole('OPERATOR')")
    /** {@code target} null: the home target's rows. */
    public List<Row> rows(TargetId named, Filter filter) {
        TargetId target = targets.get(named).id();
        // Rows written before audit rows named their target are the default target's (the only one there was).
        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, schema_name, table_name, operation, session_user_name, claims::text,
                       old_row::text, new_row::text FROM audit.row_change
                WHERE (target = ? OR target IS NULL AND ? = 'default')""");
        List<Object> parameters = new ArrayList<>(List.of(target.value(), target.value()));
        if (filter.table() != null && !filter.table().isBlank()) {
            sql.append(" AND (table_name = ? OR schema_name || '.' || table_name = ?)");
            parameters.add(filter.table());
            parameters.add(filter.table());
        }
        if (filter.operation() != null && !filter.operation().isBlank()) {
            sql.append(" AND operation = ?");
            parameters.add(filter.operation().toUpperCase(java.util.Locale.ROOT));
        }
        if (filter.person() != null && !filter.person().isBlank()) {
            sql.append(" AND session_user_name = ?");
            parameters.add(filter.person());
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < ?");
            parameters.add(Timestamp.from(filter.to()));
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(filter.limit());
        try (Connection connection = server.owner(); PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getTimestamp(2).toInstant(), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                            result.getString(8), result.getString(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("the audit server cannot be read: " + e.getMessage(), e);
        }
    }

    @PreAuthorize("hasRole('OPERATOR')")
    public Health health(TargetId target) {
        Introspector introspector = introspectors.of(target);
        List<String> audited = new ArrayList<>();
        List<String> unaudited = new ArrayList<>();
        List<Catalog.Trigger> triggers = introspector.routines().triggers(CatalogScope.ALL);
        for (Catalog.Table table : introspector.relations().tables(CatalogScope.ALL)) {
            if (table.kind() != Catalog.RelationKind.TABLE || table.schema().equals("planetary")) {
                continue;
            }
            boolean on = triggers.stream().anyMatch(t -> t.tableOid() == table.oid() && t.name().equals("planetary_audit"));
            (on ? audited : unaudited).add(table.schema() + "." + table.name());
        }
        if (!server.enabled()) {
            return new Health(false, "no audit server is configured", 0, null, Map.of(), "none", audited, unaudited);
        }
        long started = System.nanoTime();
        try (Connection connection = server.owner(); var sql = connection.createStatement()) {
            sql.execute("SELECT 1");
            long roundTrip = (System.nanoTime() - started) / 1_000_000;
            Instant lastWrite = null;
            try (ResultSet last = sql.executeQuery("SELECT max(recorded_at) FROM audit.row_change")) {
                if (last.next() && last.getTimestamp(1) != null) {
                    lastWrite = last.getTimestamp(1).toInstant();
                }
            }
            Map<String, Long> perDay = new LinkedHashMap<>();
            try (ResultSet days = sql.executeQuery("""
                    SELECT to_char(date_trunc('day', recorded_at), 'YYYY-MM-DD'), count(*) FROM audit.row_change
                    WHERE recorded_at > now() - interval '7 days' GROUP BY 1 ORDER BY 1""")) {
                while (days.next()) {
                    perDay.put(days.getString(1), days.getLong(2));
                }
            }
            return new Health(true, null, roundTrip, lastWrite, perDay, retentionJob(sql), audited, unaudited);
        } catch (SQLException e) {
            return new Health(false, e.getMessage(), 0, null, Map.of(), "unknown", audited, unaudited);
        }
    }

    private static String retentionJob(java.sql.Statement sql) throws SQLException {
        try (ResultSet cron = sql.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'pg_cron'")) {
            cron.next();
            if (cron.getLong(1) == 0) {
                return "no pg_cron on the audit server: run SELECT audit.prune(...) from a scheduled job (README)";
            }
        }
        try (ResultSet job = sql.executeQuery("SELECT schedule, active FROM cron.job WHERE jobname = 'planetary-audit-prune'")) {
            return job.next() ? "pg_cron " + job.getString(1) + (job.getBoolean(2) ? " (active)" : " (inactive)")
                    : "pg_cron installed, no prune job: prepare the audit server again";
        }
    }
}
