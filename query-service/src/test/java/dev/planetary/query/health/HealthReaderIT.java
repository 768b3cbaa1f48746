package dev.planetary.query.health;

import dev.planetary.embedded.PostgresServer;
import dev.planetary.kernel.health.QueryStatistics;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.target.MetadataTargetProperties;
import dev.planetary.query.target.MetadataTargets;
import dev.planetary.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top statements say what to do when pg_stat_statements is loaded but not installed in the
 * target's database (the embedded servers load it; a new database lacks the extension), and read
 * once it is; a login without pg_read_all_stats is told what it misses.
 */
class HealthReaderIT {

    private static PostgresServer server;
    private static String database;
    private static MetadataTargets targets;

    @BeforeAll
    static void database() {
        server = TestPostgres.server();
        database = server.createDatabase("health_reader");
        server.execute("postgres", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'health_meta') THEN"
                + " CREATE ROLE health_meta LOGIN PASSWORD 'health-meta-1'; END IF; END $$");
        targets = new MetadataTargets(Map.of(TargetId.DEFAULT, new MetadataTargetProperties(server.jdbcUrl(database),
                new MetadataTargetProperties.Credentials("health_meta", "health-meta-1"))));
    }

    @AfterAll
    static void close() {
        targets.close();
    }

    @Test
    void a_missing_extension_is_explained_then_the_statements_are_read() {
        HealthReader reader = new HealthReader(targets);
        QueryStatistics missing = reader.topQueries(TargetId.DEFAULT, QueryStatistics.Order.CALLS, 10);
        assertThat(missing.available()).isFalse();
        assertThat(missing.problem()).contains("not installed in " + database, "CREATE EXTENSION pg_stat_statements");

        server.execute(database, "CREATE EXTENSION pg_stat_statements");
        QueryStatistics read = reader.topQueries(TargetId.DEFAULT, QueryStatistics.Order.CALLS, 10);
        assertThat(read.available()).isTrue();
        assertThat(read.notice()).contains("pg_read_all_stats", "pg_monitor");

        server.execute("postgres", "GRANT pg_monitor TO health_meta");
        assertThat(reader.topQueries(TargetId.DEFAULT, QueryStatistics.Order.CALLS, 10).notice()).isNull();
    }

    @Test
    void a_server_without_the_library_says_how_to_load_it() {
        HealthReader.StatementsReadiness notLoaded = new HealthReader.StatementsReadiness(false, null, true, "app");
        assertThat(notLoaded.problem()).contains("shared_preload_libraries = 'pg_stat_statements'", "restart");
    }
}
