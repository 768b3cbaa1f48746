package dev.planetary.query.health;

import dev.planetary.kernel.health.BloatEstimate;
import dev.planetary.kernel.health.BloatReport;
import dev.planetary.kernel.health.MeasuredBloat;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.catalog.CatalogSql;
import dev.planetary.query.target.MetadataTargets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bloat, estimated for every table and btree index from the planner's statistics (widths and NULL shares
 * through planetary.column_widths(), never values), and measured for one relation with pgstattuple when
 * someone asks (it reads the relation's pages, so it gets a longer timeout, still behind no lock).
 */
@Component
public class BloatReader {

    /** A measurement reads pages: up to 25 s, within the query bus's 30 s. */
    static final int MEASURE_TIMEOUT_MILLIS = 25_000;
    static final String NO_WIDTHS = "planetary.column_widths() is not installed on this target: a superuser runs"
            + " monitoring.sql (ui/src/main/resources/demo/) once, as for the DDL recorder";
    static final String NO_PGSTATTUPLE = "pgstattuple is not installed in this database. It is not a trusted extension, so a"
            + " superuser installs it once (CREATE EXTENSION pgstattuple); the metadata login measures with it through pg_monitor";
    private static final String BLOAT = CatalogSql.resource("/health/bloat.sql");
    private static final String RELATION = """
            SELECT c.oid, c.relkind::text AS kind, am.amname AS method,
                   (SELECT n2.nspname FROM pg_extension x JOIN pg_namespace n2 ON n2.oid = x.extnamespace
                    WHERE x.extname = 'pgstattuple') AS pgstattuple_schema
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_am am ON am.oid = c.relam
            WHERE n.nspname = :schema AND c.relname = :name""";

    private final MetadataTargets targets;

    public BloatReader(MetadataTargets targets) {
        this.targets = targets;
    }

    public BloatReport estimates(TargetId target) {
        return MonitoringSession.read(targets.database(target), jdbc -> {
            boolean installed = jdbc.sql("SELECT to_regprocedure('planetary.column_widths()') IS NOT NULL").query(Boolean.class).single();
            if (!installed) {
                return BloatReport.unavailable(NO_WIDTHS);
            }
            return new BloatReport(jdbc.sql(BLOAT).query((rs, row) -> estimate(rs)).list(), null);
        });
    }

    /** Measures one table or btree index; says why not when it cannot. */
    public Optional<MeasuredBloat> measure(TargetId target, String schema, String name) {
        String relation = schema + "." + name;
        return MonitoringSession.read(targets.database(target), MEASURE_TIMEOUT_MILLIS, jdbc -> jdbc.sql(RELATION)
                .param("schema", schema).param("name", name)
                .query((rs, row) -> new Found(rs.getLong("oid"), rs.getString("kind"), rs.getString("method"),
                        rs.getString("pgstattuple_schema"))).optional()
                .map(found -> measure(jdbc, relation, found)));
    }

    private record Found(long oid, String kind, String method, String pgstattupleSchema) {
    }

    private static MeasuredBloat measure(JdbcClient jdbc, String relation, Found found) {
        if (found.pgstattupleSchema() == null) {
            return MeasuredBloat.unavailable(relation, NO_PGSTATTUPLE);
        }
        String functions = Identifier.of(found.pgstattupleSchema()).quoted();
        if ("i".equals(found.kind())) {
            if (!"btree".equals(found.method())) {
                return MeasuredBloat.unavailable(relation, "pgstatindex measures btree indexes only; this one is " + found.method());
            }
            return jdbc.sql("SELECT index_size, avg_leaf_density FROM " + functions + ".pgstatindex(CAST(:oid AS oid)::regclass)")
                    .param("oid", found.oid())
                    .query((rs, row) -> new MeasuredBloat(relation, "pgstatindex", rs.getLong("index_size"), null, null, null,
                            Double.isNaN(rs.getDouble("avg_leaf_density")) ? null : rs.getDouble("avg_leaf_density"), null))
                    .single();
        }
        if (!"r".equals(found.kind()) && !"m".equals(found.kind())) {
            return MeasuredBloat.unavailable(relation, "only tables, materialized views and btree indexes are measured");
        }
        return jdbc.sql("SELECT table_len, approx_tuple_percent, dead_tuple_percent, approx_free_percent FROM " + functions
                        + ".pgstattuple_approx(CAST(:oid AS oid)::regclass)")
                .param("oid", found.oid())
                .query((rs, row) -> new MeasuredBloat(relation, "pgstattuple_approx", rs.getLong("table_len"),
                        rs.getDouble("approx_tuple_percent"), rs.getDouble("dead_tuple_percent"), rs.getDouble("approx_free_percent"),
                        null, null))
                .single();
    }

    private static BloatEstimate estimate(ResultSet rs) throws SQLException {
        long bytes = rs.getLong("bytes");
        long expectedBytes = rs.getLong("expected_bytes");
        boolean estimated = !rs.wasNull();
        List<String> blindSpots = new ArrayList<>();
        if (rs.getBoolean("no_statistics")) {
            blindSpots.add(BloatEstimate.NO_STATISTICS);
        }
        if (rs.getBoolean("toasted")) {
            blindSpots.add(BloatEstimate.TOAST);
        }
        if (rs.getBoolean("mixed_alignment")) {
            blindSpots.add(BloatEstimate.ALIGNMENT);
        }
        return new BloatEstimate("table".equals(rs.getString("kind")) ? BloatEstimate.Kind.TABLE : BloatEstimate.Kind.INDEX,
                rs.getLong("oid"), rs.getString("schema"), rs.getString("name"), rs.getString("table_name"), bytes,
                estimated ? expectedBytes : null, blindSpots);
    }
}
