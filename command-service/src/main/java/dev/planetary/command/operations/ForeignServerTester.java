package dev.planetary.command.operations;

import dev.planetary.command.target.DdlTargets;
import dev.planetary.command.target.DdlTargets.DdlTarget;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.replication.ForeignServerTestedEvent;
import dev.planetary.kernel.replication.TestForeignServerCommand;
import dev.planetary.kernel.sql.Identifier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Tests a postgres_fdw server for an operator, as the executor's login (and so its user mapping) reaches it: in a
 * transaction always rolled back, it imports nothing from the remote catalog (IMPORT FOREIGN SCHEMA of a relation
 * that does not exist into a schema made for the test), which connects, authenticates and reads the remote catalog,
 * but no row. The session claims what it does with the test's id, so it is not drift; nothing of it stays.
 */
@Service
public class ForeignServerTester {

    private static final String SERVER = """
            SELECT w.fdwname FROM pg_catalog.pg_foreign_server s JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
            WHERE s.srvname = ?""";

    private final DdlTargets targets;
    private final EventGateway events;
    private final Clock clock;

    public ForeignServerTester(DdlTargets targets, EventGateway events, Clock clock) {
        this.targets = targets;
        this.events = events;
        this.clock = clock;
    }

    @CommandHandler
    public ForeignServerTestedEvent handle(TestForeignServerCommand command) {
        if (command.server() == null || command.server().isBlank()) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name the foreign server to test", "server");
        }
        String server = command.server().strip();
        DdlTarget target = targets.get(command.target());
        String testId = "fdw-test-" + UUID.randomUUID();
        Instant start = clock.instant();
        try (Connection session = target.database().newSession()) {
            session.setAutoCommit(false);
            try {
                String login = prepare(session, server, testId);
                String failure = reach(session, server);
                ForeignServerTestedEvent tested = new ForeignServerTestedEvent(testId, target.id(), server, login, command.actor(),
                        failure == null, failure, Duration.between(start, clock.instant()).toMillis(), clock.instant());
                events.publish(tested);
                return tested;
            } finally {
                session.rollback();
            }
        } catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("test foreign server", SERVER, e);
        }
    }

    /** The login the test runs as; refuses a server that is not there or not postgres_fdw's. */
    private static String prepare(Connection session, String server, String testId) throws SQLException {
        try (PreparedStatement settings = session.prepareStatement("SELECT set_config('planetary.change_id', ?, true),"
                + " set_config('statement_timeout', '15000', true), set_config('lock_timeout', '1000', true), current_user")) {
            settings.setString(1, testId);
            try (ResultSet row = settings.executeQuery()) {
                row.next();
                String login = row.getString(4);
                try (PreparedStatement find = session.prepareStatement(SERVER)) {
                    find.setString(1, server);
                    try (ResultSet found = find.executeQuery()) {
                        if (!found.next()) {
                            throw new ChangeRuleViolation(ChangeRuleViolation.Code.NOT_FOUND, "there is no foreign server " + server, "server");
                        }
                        if (!"postgres_fdw".equals(found.getString(1))) {
                            throw new ChangeRuleViolation(ChangeRuleViolation.Code.WRONG_STATE, server + " is a " + found.getString(1)
                                    + " server: Planetary tests postgres_fdw servers", "server");
                        }
                    }
                }
                return login;
            }
        }
    }

    /** Null when the server answered; otherwise what PostgreSQL said. */
    private static String reach(Connection session, String server) {
        String schema = Identifier.of("planetary_probe_" + UUID.randomUUID().toString().replace("-", "")).quoted();
        try (Statement probe = session.createStatement()) {
            probe.execute("CREATE SCHEMA " + schema);
            probe.execute("IMPORT FOREIGN SCHEMA pg_catalog LIMIT TO (planetary_no_such_relation) FROM SERVER "
                    + Identifier.of(server).quoted() + " INTO " + schema);
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
