package dev.planetary.command.target;

import dev.planetary.embedded.PostgresServer;
import dev.planetary.testsupport.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A target database of its own for one test class, on the test server, with the executor's pool
 * and a plan runner connected as the server's superuser. Close it after the class.
 */
record TestTarget(PostgresServer server, String database, DdlTargetProperties properties, DdlDatabase ddl, PlanRunner runner)
        implements AutoCloseable {

    static TestTarget create(String name, Duration lockTimeout, String... setup) {
        PostgresServer server = TestPostgres.server();
        String database = server.createDatabase(name);
        if (setup.length > 0) {
            server.execute(database, setup);
        }
        DdlTargetProperties properties = new DdlTargetProperties(server.jdbcUrl(database),
                new DdlTargetProperties.Credentials(server.superuser(), server.superuserPassword()),
                lockTimeout, Duration.ofSeconds(10));
        DdlDatabase ddl = new DdlDatabase(properties);
        return new TestTarget(server, database, properties, ddl, new PlanRunner(ddl, properties));
    }

    /** Another runner on the same pool with other settings (a second executor, a restarted one). */
    PlanRunner runner(DdlTargetProperties settings) {
        return new PlanRunner(ddl, settings);
    }

    void execute(String... statements) {
        server.execute(database, statements);
    }

    Connection connect() throws SQLException {
        return server.connect(database);
    }

    long count(String query) throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() {
        ddl.close();
    }
}
