package dev.planetary.bench;

import dev.planetary.command.target.DdlDatabase;
import dev.planetary.command.target.DdlTargetProperties;
import dev.planetary.command.target.PlanRunner;
import dev.planetary.embedded.EmbeddedServers;
import dev.planetary.embedded.PostgresServer;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.sql.QualifiedName;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the lock preview costs as the server gets busy: a dry-run reads pg_locks after each of its
 * statements, and pg_locks holds a row for every lock of every session. Times the dry-run of a
 * ten-statement plan while 0, 50 and 150 other sessions each hold a lock on 20 tables (three of
 * them the plan's), as idle-in-transaction application sessions would. The growth over the first
 * row is what reading pg_locks costs; the catalog guard's readings are the same in every row.
 */
public final class LockPreviewBenchmark {

    private static final int TABLES = 200;
    private static final int LOCKS_PER_SESSION = 20;
    private static final int STATEMENTS = 10;

    private LockPreviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 15);
        try (EmbeddedServers.Started started = EmbeddedServers.start(Files.createTempDirectory("planetary-locks-bench-"))) {
            PostgresServer server = started.server();
            String database = server.createDatabase("locks");
            List<String> setup = new ArrayList<>(List.of("CREATE SCHEMA busy"));
            for (int t = 0; t < TABLES; t++) {
                setup.add("CREATE TABLE busy.t" + t + " (id int PRIMARY KEY, note text)");
            }
            server.execute(database, setup.toArray(String[]::new));
            DdlTargetProperties properties = new DdlTargetProperties(server.jdbcUrl(database),
                    new DdlTargetProperties.Credentials(server.superuser(), server.superuserPassword()),
                    Duration.ofSeconds(5), Duration.ofSeconds(60));
            Plan plan = plan();
            List<Connection> holders = new ArrayList<>();
            try (DdlDatabase ddl = new DdlDatabase(properties)) {
                PlanRunner runner = new PlanRunner(ddl, properties);
                System.out.printf("%-32s %10s %10s %10s%n", "other sessions holding locks", "pg_locks", "median ms", "p90 ms");
                for (int sessions : new int[] {0, 50, 150}) {
                    while (holders.size() < sessions) {
                        holders.add(holdLocks(server, database, holders.size()));
                    }
                    long[] millis = new long[runs];
                    for (int run = -2; run < runs; run++) { // two warm-up runs
                        long start = System.nanoTime();
                        DryRunOutcome outcome = runner.dryRun(plan);
                        if (!outcome.passed()) {
                            throw new IllegalStateException("the plan must pass: " + outcome.error());
                        }
                        if (run >= 0) {
                            millis[run] = (System.nanoTime() - start) / 1_000_000;
                        }
                    }
                    Arrays.sort(millis);
                    System.out.printf("%-32d %10d %10d %10d%n", sessions, sessions * LOCKS_PER_SESSION,
                            millis[runs / 2], millis[(int) Math.ceil(runs * 0.9) - 1]);
                }
            } finally {
                for (Connection holder : holders) {
                    holder.close();
                }
            }
        }
    }

    /** Ten comments on ten tables: each takes SHARE UPDATE EXCLUSIVE, so each is a row of the preview. */
    private static Plan plan() {
        PlanBuilder plan = PlanBuilder.summarised("comment on ten busy tables");
        for (int t = 0; t < STATEMENTS; t++) {
            QualifiedName table = QualifiedName.of("busy", "t" + t);
            plan.statement("COMMENT ON TABLE " + table.quoted() + " IS 'benchmark'").changes(CatalogEffect.relation(table));
        }
        return plan.build();
    }

    /** A session in an open transaction holding ACCESS SHARE on 20 tables, the first three the plan's. */
    private static Connection holdLocks(PostgresServer server, String database, int session) throws SQLException {
        Connection connection = server.connect(database);
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            for (int l = 0; l < LOCKS_PER_SESSION; l++) {
                int table = l < 3 ? l : 10 + (session * LOCKS_PER_SESSION + l) % (TABLES - 10);
                sql.execute("LOCK TABLE busy.t" + table + " IN ACCESS SHARE MODE");
            }
        }
        return connection;
    }
}
