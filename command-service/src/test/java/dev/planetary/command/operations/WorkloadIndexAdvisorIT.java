package dev.planetary.command.operations;

import dev.planetary.command.target.DdlTargetProperties;
import dev.planetary.command.target.DdlTargets;
import dev.planetary.embedded.PostgresServer;
import dev.planetary.kernel.health.AdvisedStatement;
import dev.planetary.kernel.health.IndexAdvice;
import dev.planetary.kernel.health.IndexAdviceReport;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.testsupport.DebianPostgres;
import dev.planetary.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index advice from a real workload: an application role runs lookups by customer and by status; the
 * advisor plans them as that role and, on Debian's PostgreSQL with hypopg, prices the candidates
 * (the cost of the motivating statement's plan must drop); on the embedded server without hypopg
 * the same candidates come unpriced, with what to install.
 */
class WorkloadIndexAdvisorIT {

    private static final String SETUP = """
            CREATE SCHEMA shop;
            CREATE TABLE shop.orders (id bigserial PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL,
                                      placed_at timestamptz NOT NULL DEFAULT now(), amount numeric);
            INSERT INTO shop.orders (customer_id, status, amount)
              SELECT g % 4000, (ARRAY['open', 'paid', 'void'])[1 + g % 3], g % 100 FROM generate_series(1, 60000) g;
            GRANT USAGE ON SCHEMA shop TO advice_app;
            GRANT SELECT ON shop.orders TO advice_app;
            ANALYZE shop.orders;
            """;

    private static final List<Opened> opened = new java.util.ArrayList<>();

    private record Opened(PostgresServer server, String database, DdlTargets targets) {
    }

    @AfterAll
    static void close() {
        opened.forEach(o -> o.targets().close());
    }

    @Test
    void with_hypopg_the_advice_lowers_the_plan_cost_of_the_statement_that_motivated_it() throws Exception {
        DebianPostgres.assumeInstalled("hypopg");
        Opened target = target(DebianPostgres.server(), "CREATE EXTENSION hypopg");
        workload(target);

        IndexAdviceReport report = new WorkloadIndexAdvisor(target.targets()).advise(TargetId.DEFAULT);

        assertThat(report.problem()).isNull();
        assertThat(report.priced()).isTrue();
        IndexAdvice best = report.advice().get(0);
        assertThat(best.candidate().label()).isEqualTo("shop.orders (customer_id)");
        assertThat(best.best()).isTrue();
        assertThat(best.estimatedBytes()).isPositive();
        assertThat(best.existingIndexes()).isEqualTo(1);
        assertThat(best.indexedWritesSinceReset()).isEqualTo(60000);
        AdvisedStatement motivating = best.statements().get(0);
        assertThat(motivating.query()).contains("customer_id = $1").doesNotContain("42");
        assertThat(motivating.role()).isEqualTo("advice_app");
        assertThat(motivating.calls()).isEqualTo(5);
        assertThat(motivating.costAfter()).isLessThan(motivating.costBefore() / 10);
        // nothing imagined or prepared outlives the advice on the pooled connection
        try (Connection connection = target.targets().get(TargetId.DEFAULT).database().connection();
             Statement sql = connection.createStatement();
             ResultSet left = sql.executeQuery("SELECT (SELECT count(*) FROM hypopg()) + (SELECT count(*) FROM pg_prepared_statements WHERE from_sql)")) {
            left.next();
            assertThat(left.getLong(1)).isZero();
        }
    }

    @Test
    void without_hypopg_the_candidates_come_unpriced_with_what_to_install() throws Exception {
        Opened target = target(TestPostgres.server());
        workload(target);

        IndexAdviceReport report = new WorkloadIndexAdvisor(target.targets()).advise(TargetId.DEFAULT);

        assertThat(report.priced()).isFalse();
        assertThat(report.skipped()).isEmpty();
        assertThat(report.statementsPlanned()).isEqualTo(2);
        assertThat(report.pricing()).contains("postgresql-15-hypopg", "CREATE EXTENSION hypopg");
        assertThat(report.advice()).extracting(a -> a.candidate().label())
                .contains("shop.orders (customer_id)", "shop.orders (status)");
        assertThat(report.advice()).allSatisfy(advice -> {
            assertThat(advice.priced()).isFalse();
            assertThat(advice.estimatedBytes()).isNull();
        });
    }

    @Test
    void a_target_without_pg_stat_statements_says_so() {
        PostgresServer server = TestPostgres.server();
        String database = server.createDatabase("advice_none");
        DdlTargets targets = targets(server, database, server.superuser(), server.superuserPassword());
        opened.add(new Opened(server, database, targets));

        IndexAdviceReport report = new WorkloadIndexAdvisor(targets).advise(TargetId.DEFAULT);

        assertThat(report.problem()).contains("pg_stat_statements is not installed in " + database);
        assertThat(report.advice()).isEmpty();
    }

    /** The application role runs its lookups: 5 by customer, 3 by status; their values are $n in the statistics. */
    private static void workload(Opened target) throws Exception {
        try (Connection app = java.sql.DriverManager.getConnection(target.server().jdbcUrl(target.database()), "advice_app", "app")) {
            for (int i = 0; i < 5; i++) {
                try (PreparedStatement byCustomer = app.prepareStatement("SELECT id, amount FROM orders WHERE customer_id = ?")) {
                    byCustomer.setInt(1, 42 + i);
                    byCustomer.executeQuery().close();
                }
            }
            for (int i = 0; i < 3; i++) {
                try (Statement byStatus = app.createStatement()) {
                    byStatus.executeQuery("SELECT count(*) FROM shop.orders WHERE status = 'void' AND placed_at > now() - '1 day'::interval").close();
                }
            }
        }
    }

    private static Opened target(PostgresServer server, String... extra) {
        String database = server.createDatabase("advice");
        roles(server);
        server.execute(database, "CREATE EXTENSION pg_stat_statements");
        server.execute(database, SETUP);
        // the application finds its tables through its search_path in this database, as the advisor must too
        server.execute(database, "ALTER ROLE advice_app IN DATABASE " + database + " SET search_path = shop, public");
        server.execute(database, extra);
        DdlTargets targets = targets(server, database, "advice_ddl", "ddl");
        Opened target = new Opened(server, database, targets);
        opened.add(target);
        return target;
    }

    /** The roles are the server's, shared by the databases of this class (created once, idempotently). */
    private static synchronized void roles(PostgresServer server) {
        server.execute("postgres", """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'advice_app') THEN CREATE ROLE advice_app LOGIN PASSWORD 'app'; END IF;
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'advice_ddl') THEN
                    CREATE ROLE advice_ddl LOGIN PASSWORD 'ddl' CREATEROLE; GRANT pg_read_all_stats TO advice_ddl;
                  END IF;
                END $$""");
    }

    private static DdlTargets targets(PostgresServer server, String database, String login, String password) {
        return new DdlTargets(Map.of(TargetId.DEFAULT, new DdlTargetProperties(server.jdbcUrl(database),
                new DdlTargetProperties.Credentials(login, password), Duration.ofSeconds(1), Duration.ofSeconds(10))),
                new dev.planetary.command.target.Credentials(new MockEnvironment()));
    }
}
