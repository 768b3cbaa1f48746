package dev.planetary.query.health;

import dev.planetary.kernel.health.CacheHitRatio;
import dev.planetary.kernel.health.ConnectionSummary;
import dev.planetary.kernel.health.IndexReport;
import dev.planetary.kernel.health.IndexUsage;
import dev.planetary.kernel.health.LiveActivity;
import dev.planetary.kernel.health.QueryStatistics;
import dev.planetary.kernel.health.SessionActivity;
import dev.planetary.kernel.health.TableHealth;
import dev.planetary.kernel.health.TopStatement;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.catalog.CatalogSql;
import dev.planetary.query.target.MetadataTargets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a target's live state from its statistics views (never a table's rows), each question in a
 * {@link MonitoringSession} with short timeouts.
 */
@Component
public class HealthReader {

    private static final String TABLES = CatalogSql.resource("/health/tables.sql");
    private static final String SESSIONS = CatalogSql.resource("/health/sessions.sql");
    private static final String CACHE = CatalogSql.resource("/health/cache.sql");
    private static final String STATEMENTS_READY = CatalogSql.resource("/health/statements_ready.sql");
    private static final String STATEMENTS = CatalogSql.resource("/health/statements.sql");
    private static final String INDEXES = CatalogSql.resource("/health/indexes.sql");
    private static final String STATEMENT_COUNTERS = CatalogSql.resource("/health/statement_counters.sql");
    private static final Map<QueryStatistics.Order, String> ORDER_COLUMNS = Map.of(
            QueryStatistics.Order.TOTAL_TIME, "s.total_exec_time",
            QueryStatistics.Order.CALLS, "s.calls",
            QueryStatistics.Order.MEAN_TIME, "s.mean_exec_time",
            QueryStatistics.Order.ROWS, "s.rows");

    private final MetadataTargets targets;

    public HealthReader(MetadataTargets targets) {
        this.targets = targets;
    }

    public List<TableHealth> tables(TargetId target) {
        return read(target, jdbc -> jdbc.sql(TABLES).query((rs, row) -> table(rs)).list());
    }

    /** Every index and what to do about some; scans count since the database's statistics were reset. */
    public IndexReport indexReport(TargetId target) {
        return read(target, jdbc -> IndexReport.of(jdbc.sql(INDEXES).query((rs, row) -> index(rs)).list(),
                jdbc.sql("SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()")
                        .query((rs, row) -> instant(rs, "stats_reset")).optional().orElse(null)));
    }

    public List<SessionActivity> sessions(TargetId target) {
        return read(target, jdbc -> jdbc.sql(SESSIONS).query((rs, row) -> session(rs)).list());
    }

    public ConnectionSummary connections(TargetId target) {
        return liveActivity(target).connections();
    }

    public LiveActivity liveActivity(TargetId target) {
        return read(target, jdbc -> LiveActivity.of(
                jdbc.sql("SELECT current_setting('max_connections')::int").query(Integer.class).single(),
                jdbc.sql(SESSIONS).query((rs, row) -> session(rs)).list()));
    }

    public CacheHitRatio cacheHitRatio(TargetId target) {
        return read(target, jdbc -> jdbc.sql(CACHE).query((rs, row) -> new CacheHitRatio(
                percent(rs.getLong("table_hit"), rs.getLong("table_read")),
                percent(rs.getLong("index_hit"), rs.getLong("index_read")),
                rs.getLong("table_read"), rs.getLong("index_read"))).single());
    }

    /** The top statements, or what to do when pg_stat_statements cannot be read. */
    public QueryStatistics topQueries(TargetId target, QueryStatistics.Order order, int limit) {
        return read(target, jdbc -> {
            StatementsReadiness ready = readiness(jdbc);
            if (ready.problem() != null) {
                return QueryStatistics.unavailable(ready.problem());
            }
            String sql = STATEMENTS.replace("{view}", QualifiedName.of(ready.installedIn(), "pg_stat_statements").quoted())
                    .replace("{order}", ORDER_COLUMNS.get(order));
            try {
                return new QueryStatistics(jdbc.sql(sql).param("limit", limit).query((rs, row) -> new TopStatement(
                        rs.getLong("queryid"), rs.getString("query"), rs.getString("role"), rs.getString("database"),
                        rs.getLong("calls"), rs.getDouble("total_exec_time"), rs.getDouble("mean_exec_time"), rs.getLong("rows"),
                        percent(rs.getLong("shared_blks_hit"), rs.getLong("shared_blks_read")))).list(), null, ready.notice());
            } catch (org.springframework.dao.DataAccessException e) {
                // installed but not preloaded, where this login could not read shared_preload_libraries to know
                if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("shared_preload_libraries")) {
                    return QueryStatistics.unavailable(StatementsReadiness.NOT_LOADED);
                }
                throw e;
            }
        });
    }

    /**
     * Every statement's counters now, per statement and role, with when pg_stat_statements began
     * counting; empty with the reason when it cannot be read.
     */
    public StatementCounters statementCounters(TargetId target) {
        return statementCounters(target, java.util.Set.of());
    }

    /** The counters of these statements only (all of them when none is named). */
    public StatementCounters statementCounters(TargetId target, java.util.Set<Long> queryIds) {
        return read(target, jdbc -> {
            StatementsReadiness ready = readiness(jdbc);
            if (ready.problem() != null) {
                return StatementCounters.unavailable(ready.problem());
            }
            String view = QualifiedName.of(ready.installedIn(), "pg_stat_statements").quoted();
            Instant since = jdbc.sql("SELECT stats_reset FROM " + QualifiedName.of(ready.installedIn(), "pg_stat_statements_info").quoted())
                    .query((rs, row) -> instant(rs, "stats_reset")).optional().orElse(null);
            String sql = STATEMENT_COUNTERS.replace("{view}", view).replace("{only}", queryIds.isEmpty() ? "" : " AND s.queryid IN (:ids)");
            org.springframework.jdbc.core.simple.JdbcClient.StatementSpec statement = jdbc.sql(sql);
            if (!queryIds.isEmpty()) {
                statement = statement.param("ids", List.copyOf(queryIds));
            }
            return new StatementCounters(since, statement.query((rs, row) ->
                    new StatementCounters.Counter(rs.getLong("queryid"), rs.getString("role"), rs.getString("query"),
                            rs.getLong("calls"), rs.getDouble("total_ms"), rs.getLong("rows"))).list(), null);
        });
    }

    private static StatementsReadiness readiness(JdbcClient jdbc) {
        return jdbc.sql(STATEMENTS_READY).query((rs, row) -> new StatementsReadiness(
                (Boolean) rs.getObject("preloaded"), rs.getString("installed_in"), rs.getBoolean("reads_all_texts"),
                rs.getString("database"))).single();
    }

    private <T> T read(TargetId target, java.util.function.Function<JdbcClient, T> reading) {
        return MonitoringSession.read(targets.database(target), reading);
    }

    private static TableHealth table(ResultSet rs) throws SQLException {
        long live = rs.getLong("live_tuples");
        long dead = rs.getLong("dead_tuples");
        return new TableHealth(rs.getLong("oid"), rs.getString("schema"), rs.getString("name"), live, dead,
                live + dead == 0 ? null : 100.0 * dead / (live + dead),
                epochMillis(rs, "last_vacuum"), epochMillis(rs, "last_autovacuum"), epochMillis(rs, "last_analyze"),
                epochMillis(rs, "last_autoanalyze"), rs.getLong("vacuum_count"), rs.getLong("autovacuum_count"),
                rs.getLong("heap_bytes"), rs.getLong("index_bytes"), rs.getLong("toast_bytes"), rs.getLong("xid_age"),
                rs.getLong("seq_scans"), rs.getLong("index_scans"),
                percent(rs.getLong("blocks_hit"), rs.getLong("blocks_read")));
    }

    private static IndexUsage index(ResultSet rs) throws SQLException {
        List<String> columns = strings(rs.getArray("columns"));
        int keyCount = rs.getInt("key_count");
        List<String> opclasses = strings(rs.getArray("opclasses"));
        List<String> collations = strings(rs.getArray("collations"));
        List<String> signature = new java.util.ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            signature.add(columns.get(k) + " " + opclasses.get(k) + " " + collations.get(k));
        }
        return new IndexUsage(rs.getLong("oid"), rs.getString("schema"), rs.getString("table_name"), rs.getString("name"),
                rs.getString("method"), columns.subList(0, keyCount), columns.subList(keyCount, columns.size()),
                rs.getString("predicate"), rs.getBoolean("is_unique"), rs.getBoolean("is_valid"), rs.getBoolean("is_ready"),
                rs.getString("constraint_name"), rs.getLong("bytes"), rs.getLong("scans"), rs.getLong("tuples_read"),
                rs.getLong("tuples_fetched"), signature);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    static SessionActivity session(ResultSet rs) throws SQLException {
        return new SessionActivity(rs.getInt("pid"), rs.getString("database"), rs.getString("role"), rs.getString("application"),
                rs.getString("client_address"), rs.getString("state"), rs.getString("wait_event_type"), rs.getString("wait_event"),
                instant(rs, "backend_start"), instant(rs, "xact_start"), instant(rs, "query_start"), rs.getString("query"),
                pids(rs.getArray("blocked_by")), rs.getString("waiting_for"));
    }

    private static List<Integer> pids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Integer[]) array.getArray()).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Instant epochMillis(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Double percent(long hit, long read) {
        return hit + read == 0 ? null : 100.0 * hit / (hit + read);
    }

    /** What pg_stat_statements needs that this target lacks, in words; null when it can be read. */
    record StatementsReadiness(Boolean preloaded, String installedIn, boolean readsAllTexts, String database) {

        static final String NOT_LOADED = "pg_stat_statements is not loaded: add it to shared_preload_libraries in postgresql.conf "
                + "(shared_preload_libraries = 'pg_stat_statements') and restart the server";

        /** {@code preloaded} null: this login may not read shared_preload_libraries (no pg_read_all_settings). */
        String problem() {
            if (Boolean.FALSE.equals(preloaded)) {
                return NOT_LOADED + ", then install the extension in " + database
                        + " (CREATE EXTENSION pg_stat_statements, a reviewed change)";
            }
            if (installedIn == null) {
                return "pg_stat_statements is loaded but not installed in " + database
                        + ": install the extension (CREATE EXTENSION pg_stat_statements, a reviewed change)";
            }
            return null;
        }

        String notice() {
            return readsAllTexts ? null : "Planetary's metadata login lacks pg_read_all_stats, so statements of other roles show "
                    + "no text: GRANT pg_monitor to it";
        }
    }
}
