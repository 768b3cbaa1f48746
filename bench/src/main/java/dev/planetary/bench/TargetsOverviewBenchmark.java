package dev.planetary.bench;

import dev.planetary.embedded.EmbeddedServers;
import dev.planetary.embedded.PostgresServer;
import dev.planetary.kernel.target.TargetHealth;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetView;
import dev.planetary.query.target.MetadataTargetProperties;
import dev.planetary.query.target.MetadataTargets;
import dev.planetary.query.target.TargetHealthChecks;
import dev.planetary.query.target.TargetOverview;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The targets overview with many targets: 50 databases of 1,000 tables each (bigschema.sql, loaded
 * once and copied as a template) and 5 targets whose server refuses connections, a control plane with
 * 20,000 changes and 5,000 drift events spread over them. Times (1) a round of health checks from cold
 * pools until every reachable target is up, (2) a second round, and (3) the overview itself (each
 * target's last health, open changes and recent drift), which is what a page waits for.
 */
public final class TargetsOverviewBenchmark {

    private TargetsOverviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int databases = Integer.getInteger("targets", 50);
        int unreachable = Integer.getInteger("unreachable", 5);
        int tables = Integer.getInteger("tables", 1000);
        int runs = Integer.getInteger("runs", 21);
        Path script = Path.of(System.getProperty("bigschema", "../shared/bench/bigschema.sql")).toAbsolutePath();
        try (EmbeddedServers.Started started = EmbeddedServers.start(Files.createTempDirectory("planetary-targets-bench-"))) {
            PostgresServer server = started.server();
            long load = System.nanoTime();
            server.execute("postgres", "CREATE DATABASE template_bs");
            CatalogBenchmark.BigSchema.load(server, "template_bs", script, tables);
            for (int i = 1; i <= databases; i++) {
                server.execute("postgres", "CREATE DATABASE " + name(i) + " TEMPLATE template_bs");
            }
            String password = EmbeddedServers.randomPassword();
            server.execute("postgres", "CREATE ROLE bench_meta LOGIN PASSWORD '" + password + "'");
            System.out.printf("%d databases of %d tables ready in %.1f s%n", databases, tables, (System.nanoTime() - load) / 1e9);

            Map<TargetId, MetadataTargetProperties> configured = new LinkedHashMap<>();
            for (int i = 1; i <= databases; i++) {
                configured.put(TargetId.of(id(i)), new MetadataTargetProperties(server.jdbcUrl(name(i)),
                        new MetadataTargetProperties.Credentials("bench_meta", password), "Tenant " + i,
                        i % 3 == 0 ? "prod" : i % 3 == 1 ? "dev" : "staging", null));
            }
            for (int i = 1; i <= unreachable; i++) {
                configured.put(TargetId.of("down-" + i), new MetadataTargetProperties("jdbc:postgresql://127.0.0.1:1/down",
                        new MetadataTargetProperties.Credentials("nobody", "none"), "Down " + i, "prod", null));
            }
            JdbcClient control = controlPlane(server, databases);
            Clock clock = Clock.systemUTC();
            try (MetadataTargets targets = new MetadataTargets(configured)) {
                TargetHealthChecks health = new TargetHealthChecks(targets, clock);
                System.out.printf("health round, cold pools: every reachable target up after %d ms%n", round(health, targets, databases));
                System.out.printf("health round, warm pools: every reachable target up after %d ms%n", round(health, targets, databases));
                TargetOverview overview = new TargetOverview(targets, health, control, clock);
                long[] millis = new long[runs];
                List<TargetView> shown = List.of();
                for (int run = -3; run < runs; run++) {
                    long start = System.nanoTime();
                    shown = overview.targets();
                    if (run >= 0) {
                        millis[run] = (System.nanoTime() - start) / 1_000;
                    }
                }
                java.util.Arrays.sort(millis);
                long up = shown.stream().filter(t -> t.health().up()).count();
                long open = shown.stream().mapToLong(TargetView::openChanges).sum();
                System.out.printf("overview of %d targets (%d up, %d open changes): median %.2f ms, p90 %.2f ms%n", shown.size(), up,
                        open, millis[runs / 2] / 1000.0, millis[(int) Math.ceil(runs * 0.9) - 1] / 1000.0);
            }
        }
    }

    /** The target's name (dashes), and its database's (underscores: no quoting needed in CREATE DATABASE). */
    private static String id(int i) {
        return String.format("tenant-%02d", i);
    }

    private static String name(int i) {
        return id(i).replace('-', '_');
    }

    /** A round of checks, timed until every reachable target's check has ended (and found it up). */
    private static long round(TargetHealthChecks health, MetadataTargets targets, int reachable) {
        long begun = System.nanoTime();
        Map<TargetId, CompletableFuture<Void>> checks = health.checkRound();
        CompletableFuture.allOf(checks.entrySet().stream().filter(check -> !check.getKey().value().startsWith("down-"))
                .map(Map.Entry::getValue).toArray(CompletableFuture[]::new)).join();
        long millis = (System.nanoTime() - begun) / 1_000_000;
        long up = targets.all().stream().filter(t -> health.of(t.id()).status() == TargetHealth.Status.UP).count();
        if (up < reachable) {
            throw new IllegalStateException("only " + up + " of " + reachable + " targets came up");
        }
        return millis;
    }

    /** The control plane's read models with 20,000 changes and 5,000 drift events spread over the targets. */
    private static JdbcClient controlPlane(PostgresServer server, int databases) {
        server.execute("postgres", "CREATE DATABASE control");
        var dataSource = server.dataSource("control");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        List<String> targets = new ArrayList<>();
        for (int i = 1; i <= databases; i++) {
            targets.add("'" + id(i) + "'");
        }
        String names = "ARRAY[" + String.join(",", targets) + "]";
        server.execute("control", """
                INSERT INTO change_summary (change_id, target, title, kind, summary, requester, status, risk, revision,
                    required_approvals, dry_run_status, spec, plan, objects, proposed_at, updated_at, version)
                SELECT 'c-' || n, (%s)[1 + n %% %d], 'change ' || n, 'table-privilege', 'summary', 'alice',
                       (ARRAY['PROPOSED','APPROVED','APPLIED','APPLIED','APPLIED','REJECTED'])[1 + n %% 6], 'LOW', 1, 1, 'PASSED',
                       '{}'::jsonb, '{}'::jsonb, ARRAY['app.t' || n], now() - n * interval '1 minute', now(), 1
                FROM generate_series(1, 20000) n""".formatted(names, databases),
                """
                INSERT INTO change_history (change_id, target, sequence, event, actor, occurred_at, summary, objects)
                SELECT 'drift-' || n, (%s)[1 + n %% %d], 0, 'drift', 'postgres', now() - n * interval '3 minutes',
                       'Drift: CREATE TABLE', ARRAY['app.x' || n]
                FROM generate_series(1, 5000) n""".formatted(names, databases),
                "ANALYZE");
        return JdbcClient.create(dataSource);
    }
}
