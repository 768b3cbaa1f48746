package dev.planetary.bench;

import dev.planetary.embedded.EmbeddedServers;
import dev.planetary.embedded.PostgresServer;
import dev.planetary.kernel.health.QueryStatistics;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.health.BloatReader;
import dev.planetary.query.health.HealthReader;
import dev.planetary.query.health.HealthSampler;
import dev.planetary.query.health.LintReader;
import dev.planetary.query.target.MetadataTargetProperties;
import dev.planetary.query.target.MetadataTargets;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The health page's questions at scale: loads shared/bench/bigschema.sql (or uses a server where it is
 * loaded) and times, through the application's own reader and metadata pool settings, as a login with
 * pg_monitor and no right on any table: every table's statistics (the Tables tab), the sessions, the
 * connections summary, the cache hit ratios and the top statements. See bench/README.md.
 */
public final class HealthBenchmark {

    private HealthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tables = Integer.getInteger("tables", 1000);
        int runs = Integer.getInteger("runs", 9);
        String url = System.getProperty("url");
        if (url != null) {
            run(PostgresServer.fromUrl(url), System.getProperty("database", "bs" + tables), runs);
            return;
        }
        Path script = Path.of(System.getProperty("bigschema", "../shared/bench/bigschema.sql")).toAbsolutePath();
        Path data = Files.createTempDirectory("planetary-bench-");
        try (EmbeddedServers.Started started = EmbeddedServers.start(data)) {
            PostgresServer server = started.server();
            String database = "bs" + tables;
            server.execute("postgres", "CREATE DATABASE " + database);
            CatalogBenchmark.BigSchema.load(server, database, script, tables);
            run(server, database, runs);
        }
    }

    private static void run(PostgresServer server, String database, int runs) {
        String password = EmbeddedServers.randomPassword();
        server.execute(database, "DROP ROLE IF EXISTS bench_health", "CREATE ROLE bench_health LOGIN PASSWORD '" + password + "'",
                "GRANT pg_monitor TO bench_health", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements",
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'planetary_ddl') THEN CREATE ROLE planetary_ddl; END IF;"
                        + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'planetary_meta') THEN CREATE ROLE planetary_meta; END IF; END $$",
                "GRANT planetary_meta TO bench_health", monitoringFunctions());
        try (MetadataTargets targets = new MetadataTargets(Map.of(TargetId.DEFAULT, new MetadataTargetProperties(
                server.jdbcUrl(database), new MetadataTargetProperties.Credentials("bench_health", password))))) {
            HealthReader reader = new HealthReader(targets);
            // the control plane's part of the lints (acknowledgements) is an empty table in the benchmark's database
            server.execute(database, "CREATE TABLE IF NOT EXISTS lint_acknowledgement (target text, rule text, object text, reason text,"
                    + " acknowledged_by text, acknowledged_at timestamptz)");
            JdbcClient control = JdbcClient.create(server.dataSource(database));
            LintReader lints = new LintReader(targets, reader, control);
            BloatReader bloat = new BloatReader(targets);
            HealthSampler sampler = new HealthSampler(targets, control, Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofDays(14));
            TargetId target = TargetId.DEFAULT;
            System.out.printf("%n| question | rows | median (ms) |%n|---|---:|---:|%n");
            line("tables (every table's statistics and sizes)", CatalogBenchmark.Timing.of(runs, () -> reader.tables(target)));
            String tablesSql = dev.planetary.query.catalog.CatalogSql.resource("/health/tables.sql");
            line("  its query alone, rows as maps", CatalogBenchmark.Timing.of(runs,
                    () -> targets.database(target).jdbc().sql(tablesSql).query().listOfRows()));
            line("index list with findings", CatalogBenchmark.Timing.of(runs, () -> reader.indexReport(target).indexes()));
            String indexes = dev.planetary.query.catalog.CatalogSql.resource("/health/indexes.sql");
            line("  its query alone, rows as maps", CatalogBenchmark.Timing.of(runs,
                    () -> targets.database(target).jdbc().sql(indexes).query().listOfRows()));
            line("lint pass (every rule, index rules included)", CatalogBenchmark.Timing.of(runs, () -> lints.lint(target).findings()));
            line("bloat estimates (tables and btree indexes)", CatalogBenchmark.Timing.of(runs, () -> bloat.estimates(target).estimates()));
            line("one minute's sample (read from the target)", CatalogBenchmark.Timing.of(runs, () -> List.of(sampler.sample(target))));
            line("sessions (with pg_blocking_pids for waiters)", CatalogBenchmark.Timing.of(runs, () -> reader.sessions(target)));
            line("connections summary", CatalogBenchmark.Timing.of(runs, () -> List.of(reader.connections(target))));
            line("cache hit ratios", CatalogBenchmark.Timing.of(runs, () -> List.of(reader.cacheHitRatio(target))));
            line("top 50 statements by total time", CatalogBenchmark.Timing.of(runs,
                    () -> reader.topQueries(target, QueryStatistics.Order.TOTAL_TIME, 50).queries()));
        }
    }

    /** The monitoring functions a superuser installs on a target (the demo's monitoring.sql, from the repository). */
    private static String monitoringFunctions() {
        Path file = Path.of(System.getProperty("monitoring", "ui/src/main/resources/demo/monitoring.sql")).toAbsolutePath();
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("pass -Dmonitoring=/path/to/monitoring.sql", e);
        }
    }

    private static void line(String question, CatalogBenchmark.Timing timing) {
        System.out.printf("| %s | %d | %.1f |%n", question, timing.rows(), timing.medianMillis());
    }
}
