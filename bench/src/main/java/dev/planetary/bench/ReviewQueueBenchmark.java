package dev.planetary.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.planetary.embedded.EmbeddedServers;
import dev.planetary.embedded.PostgresServer;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.event.ChangeProposedEvent;
import dev.planetary.kernel.change.event.DryRunCompletedEvent;
import dev.planetary.kernel.change.query.ChangeFilter;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.spec.privilege.TablePrivilege;
import dev.planetary.kernel.spec.privilege.TablePrivilegeSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.change.ChangeReadModel;
import dev.planetary.query.change.ProjectionReplay;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The review queue with many pending changes: fills the read model through the projection's own
 * handlers (as replaying the event store would), then times the pages the queue view asks for.
 */
public final class ReviewQueueBenchmark {

    private ReviewQueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pending = Integer.getInteger("changes", 10_000);
        try (EmbeddedServers.Started started = EmbeddedServers.start(Files.createTempDirectory("planetary-queue-bench-"))) {
            PostgresServer server = started.server();
            String database = server.createDatabase("queue");
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(server.jdbcUrl(database));
            pool.setUsername(server.superuser());
            pool.setPassword(server.superuserPassword());
            pool.setMaximumPoolSize(2);
            HikariDataSource dataSource = new HikariDataSource(pool); // warm connections, as the application has
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            ObjectMapper json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            ProjectionReplay replay = new ProjectionReplay(jdbc, json);
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            long fill = System.nanoTime();
            for (int i = 0; i < pending; i++) {
                PrivilegeAction action = i % 5 == 0 ? PrivilegeAction.REVOKE : PrivilegeAction.GRANT;
                TablePrivilegeSpec spec = new TablePrivilegeSpec(action, List.of(TablePrivilege.SELECT),
                        QualifiedName.of("core", "t" + i), null, Grantee.of("bs_role_" + (i % 50)), false);
                ChangeId id = ChangeId.of("bench-" + i);
                replay.proposed(new ChangeProposedEvent(id, TargetId.DEFAULT, spec.plan().summary(), spec, spec.plan(),
                        spec.plan().risk() == RiskLevel.HIGH ? 2 : 1, "alice", start.plusSeconds(i)), 0);
                replay.dryRun(new DryRunCompletedEvent(id, 1, DryRunOutcome.passed(3), start.plusSeconds(i)), 1);
            }
            jdbc.sql("ANALYZE change_summary").update();
            System.out.printf("%d pending changes projected in %.1f s%n", pending, (System.nanoTime() - fill) / 1e9);

            ChangeReadModel queue = new ChangeReadModel(jdbc, json);
            List<ChangeStatus> proposed = List.of(ChangeStatus.PROPOSED);
            report("first page (50), oldest first", () -> queue.list(new ChangeFilter(proposed, null, null, null, null, 50, 0, ChangeFilter.Order.OLDEST)));
            report("page 100 (offset 4,950)", () -> queue.list(new ChangeFilter(proposed, null, null, null, null, 50, 4950, ChangeFilter.Order.OLDEST)));
            report("last page", () -> queue.list(new ChangeFilter(proposed, null, null, null, null, 50, pending - 50, ChangeFilter.Order.OLDEST)));
            report("high risk first", () -> queue.list(new ChangeFilter(proposed, null, null, null, null, 50, 0, ChangeFilter.Order.RISK)));
            report("filtered by object", () -> queue.list(new ChangeFilter(proposed, null, null, null, "core.t4242", 50, 0, ChangeFilter.Order.OLDEST)));
            report("filtered by risk HIGH", () -> queue.list(new ChangeFilter(proposed, null, RiskLevel.HIGH, null, null, 50, 0, ChangeFilter.Order.OLDEST)));
            dataSource.close();
        }
    }

    private static void report(String what, Supplier<List<?>> page) {
        page.get();
        page.get();
        List<Double> millis = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < 9; i++) {
            long start = System.nanoTime();
            rows = page.get().size();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf("| %s | %d rows | %.1f ms |%n", what, rows, millis.get(4));
    }
}
