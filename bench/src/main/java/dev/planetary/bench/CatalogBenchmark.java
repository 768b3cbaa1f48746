package dev.planetary.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.planetary.embedded.EmbeddedServers;
import dev.planetary.embedded.PostgresServer;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.query.catalog.Introspector;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Introspection at scale: loads shared/bench/bigschema.sql into a real PostgreSQL and times each
 * catalog query, a full snapshot, one table's page and the schema tree, against the minimal
 * pg_catalog scans that return the same rows (the floor). See bench/README.md for how to run it.
 */
public final class CatalogBenchmark {

    private CatalogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tables = Integer.getInteger("tables", 1000);
        int runs = Integer.getInteger("runs", 7);
        Path script = Path.of(System.getProperty("bigschema", "../shared/bench/bigschema.sql")).toAbsolutePath();
        if (!Files.exists(script)) {
            throw new IllegalArgumentException(script + " not found: pass -Dbigschema=/path/to/bigschema.sql");
        }
        String url = System.getProperty("url");
        if (url != null) {
            // a server where bigschema.sql is already loaded into -Ddatabase (default bs<tables>)
            run(PostgresServer.fromUrl(url), System.getProperty("database", "bs" + tables), tables, runs);
            return;
        }
        Path data = Files.createTempDirectory("planetary-bench-");
        try (EmbeddedServers.Started started = EmbeddedServers.start(data)) {
            PostgresServer server = started.server();
            String database = "bs" + tables;
            server.execute("postgres", "CREATE DATABASE " + database);
            long loadStart = System.nanoTime();
            BigSchema.load(server, database, script, tables);
            System.out.printf("loaded %d tables in %.1f s%n", tables, (System.nanoTime() - loadStart) / 1e9);
            run(server, database, tables, runs);
        }
    }

    private static void run(PostgresServer server, String database, int tables, int runs) {
        String password = EmbeddedServers.randomPassword();
        server.execute(database, "DROP ROLE IF EXISTS bench_meta", "CREATE ROLE bench_meta LOGIN PASSWORD '" + password + "'");
        try (HikariDataSource pool = metadataPool(server, database, password)) {
            report(Introspector.over(pool, Clock.systemUTC()), JdbcClient.create(pool), tables, runs);
        }
    }

    private static HikariDataSource metadataPool(PostgresServer server, String database, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl(database));
        config.setUsername("bench_meta");
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        // the same session settings as the application's metadata connection (MetadataDatabase)
        config.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan -c max_parallel_workers_per_gather=0 -c jit=off");
        return new HikariDataSource(config);
    }

    private static void report(Introspector engine, JdbcClient jdbc, int tables, int runs) {
        Map<String, Supplier<List<?>>> kinds = new LinkedHashMap<>();
        CatalogScope all = CatalogScope.ALL;
        kinds.put("tables", () -> engine.relations().tables(all));
        kinds.put("columns", () -> engine.relations().columns(all));
        kinds.put("constraints", () -> engine.relations().constraints(all));
        kinds.put("indexes", () -> engine.relations().indexes(all));
        kinds.put("views", () -> engine.relations().views(all));
        kinds.put("dependencies", () -> engine.relations().dependencies(all));
        kinds.put("functions", () -> engine.routines().functions(all));
        kinds.put("triggers", () -> engine.routines().triggers(all));
        kinds.put("policies", () -> engine.routines().policies(all));
        kinds.put("privileges", () -> engine.access().privileges(all));
        kinds.put("roles+memberships", () -> concat(engine.access().roles(), engine.access().memberships()));
        kinds.put("types+sequences", () -> concat(engine.types().types(all), engine.types().sequences(all)));

        System.out.printf("%n| object kind | rows | Planetary (ms) | floor (ms) | ratio |%n|---|---:|---:|---:|---:|%n");
        double ours = 0;
        double floors = 0;
        for (Map.Entry<String, Supplier<List<?>>> kind : kinds.entrySet()) {
            Timing timing = Timing.of(runs, kind.getValue());
            String floorSql = Floors.SQL.get(kind.getKey());
            Timing floor = floorSql == null ? null : Timing.of(runs, () -> jdbc.sql(floorSql).query().listOfRows());
            ours += timing.medianMillis();
            floors += floor == null ? timing.medianMillis() : floor.medianMillis();
            System.out.printf("| %s | %d | %.1f | %s | %s |%n", kind.getKey(), timing.rows(), timing.medianMillis(),
                    floor == null ? "-" : String.format("%.1f (%d rows)", floor.medianMillis(), floor.rows()),
                    floor == null ? "-" : String.format("%.2f", timing.medianMillis() / floor.medianMillis()));
        }
        System.out.printf("| **sum of the kinds** | | %.1f | %.1f | %.2f |%n", ours, floors, ours / floors);

        Timing snapshot = Timing.of(Math.max(3, runs / 2), () -> List.of(engine.snapshot()));
        System.out.printf("%nfull snapshot (every kind, one call): median %.1f ms = %.2f x the floor sum%n",
                snapshot.medianMillis(), snapshot.medianMillis() / floors);

        List<Long> oids = jdbc.sql("SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind = 'r' AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' ORDER BY c.oid").query(Long.class).list();
        List<Long> sample = new ArrayList<>();
        for (int i = 0; i < 25 && !oids.isEmpty(); i++) {
            sample.add(oids.get((int) ((long) i * oids.size() / 25)));
        }
        Timing page = Timing.of(runs, () -> sample.stream().map(engine::table).toList());
        System.out.printf("one table's page (all its parts): median %.1f ms per table (25 tables spread over %d)%n",
                page.medianMillis() / sample.size(), tables);

        Timing tree = Timing.of(runs, () -> concat(engine.relations().schemas(all), engine.relations().tables(CatalogScope.schema("core"))));
        System.out.printf("schema tree (schemas, then the tables of one schema): median %.1f ms%n", tree.medianMillis());
    }

    private static List<?> concat(List<?> a, List<?> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Median of several warm runs (two warm-up runs first: the first query on a connection is slower). */
    record Timing(double medianMillis, int rows) {
        static Timing of(int runs, Supplier<List<?>> work) {
            work.get();
            work.get();
            List<Double> millis = new ArrayList<>();
            int rows = 0;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                rows = work.get().size();
                millis.add((System.nanoTime() - start) / 1e6);
            }
            millis.sort(Double::compare);
            return new Timing(millis.get(millis.size() / 2), rows);
        }
    }

    /** Loads bigschema.sql with psql, as its README says (never in one transaction: it commits as it goes). */
    static final class BigSchema {
        static void load(PostgresServer server, String database, Path script, int tables) throws IOException, InterruptedException {
            ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-q", "-h", server.host(), "-p", String.valueOf(server.port()),
                    "-U", server.superuser(), "-d", database, "-v", "ON_ERROR_STOP=1", "-v", "tables=" + tables,
                    "-f", script.toString());
            psql.environment().put("PGPASSWORD", server.superuserPassword());
            psql.inheritIO();
            int exit = psql.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("psql exited with " + exit);
            }
        }
    }
}
