package dev.planetary.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.planetary.embedded.EmbeddedServers;
import dev.planetary.embedded.PostgresServer;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.compare.ObjectDifference;
import dev.planetary.kernel.compare.SchemaComparison;
import dev.planetary.query.catalog.Introspector;
import dev.planetary.query.compare.SchemaComparer;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Schema comparison at scale (issue 11: two 10,000-table targets compared in under 10 s): two
 * databases loaded with shared/bench/bigschema.sql, one small difference made on the second, then
 * each side's catalog read, the comparison of two snapshots already read, and the whole comparison
 * as the application runs it (both sides read at once, then compared). See bench/README.md.
 */
public final class CompareBenchmark {

    private static final String META_ROLE = "bench_compare_meta";
    private static final String DIFFERENCE = "differs on B (CompareBenchmark)";

    private CompareBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tables = Integer.getInteger("tables", 10000);
        int runs = Integer.getInteger("runs", 5);
        Path script = Path.of(System.getProperty("bigschema", "../shared/bench/bigschema.sql")).toAbsolutePath();
        String url = System.getProperty("url");
        if (url != null) {
            // a server where bigschema.sql is already loaded into both databases
            run(PostgresServer.fromUrl(url), System.getProperty("database", "bs" + tables),
                    System.getProperty("database2", "bs" + tables + "_b"), runs);
            return;
        }
        if (!Files.exists(script)) {
            throw new IllegalArgumentException(script + " not found: pass -Dbigschema=/path/to/bigschema.sql");
        }
        Path data = Files.createTempDirectory("planetary-bench-");
        try (EmbeddedServers.Started started = EmbeddedServers.start(data)) {
            PostgresServer server = started.server();
            String a = load(server, "bs" + tables, script, tables);
            String b = load(server, "bs" + tables + "_b", script, tables);
            run(server, a, b, runs);
        }
    }

    private static String load(PostgresServer server, String database, Path script, int tables) throws Exception {
        server.execute("postgres", "CREATE DATABASE " + database);
        long start = System.nanoTime();
        CatalogBenchmark.BigSchema.load(server, database, script, tables);
        System.out.printf("loaded %d tables into %s in %.1f s%n", tables, database, (System.nanoTime() - start) / 1e9);
        return database;
    }

    private static void run(PostgresServer server, String a, String b, int runs) {
        String password = EmbeddedServers.randomPassword();
        server.execute("postgres", """
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s; END IF;
                END $$""".formatted(META_ROLE), "ALTER ROLE " + META_ROLE + " LOGIN PASSWORD '" + password + "'");
        String table = JdbcClient.create(server.dataSource(b)).sql("""
                SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('information_schema', 'planetary')
                ORDER BY n.nspname, c.relname LIMIT 1""").query(String.class).single();
        // the one difference: a comment on one table of B (idempotent, so -Durl runs can repeat)
        server.execute(b, "COMMENT ON TABLE " + table + " IS '" + DIFFERENCE + "'");
        try (HikariDataSource left = metadataPool(server, a, password); HikariDataSource right = metadataPool(server, b, password)) {
            report(left, right, runs);
        }
    }

    private static void report(HikariDataSource leftPool, HikariDataSource rightPool, int runs) {
        Introspector left = Introspector.over(leftPool, Clock.systemUTC());
        Introspector right = Introspector.over(rightPool, Clock.systemUTC());
        SchemaComparer comparer = new SchemaComparer(left, right);
        Catalog.Snapshot a = left.snapshot();
        Catalog.Snapshot b = right.snapshot();
        System.out.printf("%nA: %d tables, %d columns, %d indexes, %d constraints, %d policies, %d triggers, %d functions, %d grants%n",
                a.tables().size(), a.columns().size(), a.indexes().size(), a.constraints().size(), a.policies().size(),
                a.triggers().size(), a.functions().size(), a.privileges().size());

        SchemaComparison result = comparer.compare();
        System.out.printf("compared objects: %d, differences: %d%n", result.comparedObjects(), result.differences().size());
        for (ObjectDifference difference : result.differences().subList(0, Math.min(5, result.differences().size()))) {
            System.out.printf("  %s %s %s%n", difference.status(), difference.kind(), difference.name());
        }
        if (result.differences().size() != 1 || !result.differences().get(0).definitionRight().contains(DIFFERENCE)) {
            throw new IllegalStateException("expected exactly the one difference made on B, found " + result.differences().size());
        }

        double readA = median(runs, left::snapshot);
        double readB = median(runs, right::snapshot);
        double diff = median(runs, () -> comparer.compare(a, b));
        double suggested = median(runs, () -> dev.planetary.query.compare.TargetComparisons.compare(
                dev.planetary.kernel.target.TargetId.of("a"), dev.planetary.kernel.target.TargetId.of("b"), a, b, comparer));
        double sequential = median(runs, () -> comparer.compare(left.snapshot(), right.snapshot()));
        double whole = median(runs, comparer::compare);
        // what full CREATE INDEX texts would add to each side's reading (not read today: indexes.sql)
        JdbcClient meta = JdbcClient.create(leftPool);
        double indexdef = median(runs, () -> meta.sql("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i").query().listOfRows());
        System.out.printf("%n| step | median (ms) |%n|---|---:|%n");
        System.out.printf("| read A (one consistent snapshot) | %.0f |%n", readA);
        System.out.printf("| read B (one consistent snapshot) | %.0f |%n", readB);
        System.out.printf("| compare two snapshots already read (canonical text and SHA-256 of each side, one thread per side; the diff) | %.0f |%n", diff);
        System.out.printf("| the same with the suggested changes (MakeAlike: policies, triggers, row security, grants, memberships) | %.0f |%n", suggested);
        System.out.printf("| whole comparison, reading A then B one after the other, then comparing | %.0f |%n", sequential);
        System.out.printf("| **whole comparison as `SchemaComparer.compare()` runs it (A and B read at once)** | **%.0f** |%n", whole);
        System.out.printf("%nnot part of the comparison: pg_get_indexdef of every index on A: %.0f ms%n", indexdef);
    }

    private static HikariDataSource metadataPool(PostgresServer server, String database, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl(database));
        config.setUsername(META_ROLE);
        config.setPassword(password);
        // a snapshot reads over two connections sharing one exported snapshot
        config.setMaximumPoolSize(2);
        // the same session settings as the application's metadata connection (MetadataDatabase)
        config.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan -c max_parallel_workers_per_gather=0 -c jit=off");
        return new HikariDataSource(config);
    }

    /** Median of {@code runs} warm runs, after two warm-up runs (printed with the fastest and slowest). */
    private static double median(int runs, Supplier<?> work) {
        work.get();
        work.get();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf("  runs: %.0f .. %.0f ms%n", millis.get(0), millis.get(millis.size() - 1));
        return millis.get(millis.size() / 2);
    }
}
