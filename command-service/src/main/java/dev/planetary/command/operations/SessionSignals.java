package dev.planetary.command.operations;

import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.health.SessionSignal;
import dev.planetary.kernel.health.SessionSignalledEvent;
import dev.planetary.kernel.health.SignalSessionCommand;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

/**
 * Cancels a query or ends a session of a target's database for an operator, never silently: what
 * the session was running is read first and kept, with who asked and why, as a
 * {@link SessionSignalledEvent} event on the history. Runs with the executor's login (it holds
 * pg_signal_backend and pg_read_all_stats); sessions of other databases of the server, and
 * Planetary's own connection, are refused.
 */
@Service
public class SessionSignals {

    private static final int TERMINATE_WAIT_MILLIS = 5_000;
    private static final String SESSION = """
            SELECT usename, application_name, state, query, datname = current_database() AS here, pid = pg_backend_pid() AS mine
            FROM pg_stat_activity WHERE pid = ? AND backend_type = 'client backend'""";

    private final DdlTargets targets;
    private final EventGateway events;
    private final Clock clock;

    public SessionSignals(DdlTargets targets, EventGateway events, Clock clock) {
        this.targets = targets;
        this.events = events;
        this.clock = clock;
    }

    @CommandHandler
    public SessionSignalledEvent handle(SignalSessionCommand command) {
        if (command.signal() == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "say whether to cancel or terminate", "signal");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID,
                    "say why: the history keeps the reason with what the session was running", "reason");
        }
        TargetId target = targets.get(command.target()).id();
        try (Connection connection = targets.get(target).database().connection()) {
            connection.setAutoCommit(true);
            SessionSignalledEvent signalled = signal(connection, target, command);
            events.publish(signalled);
            return signalled;
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) { // a superuser's session: only a superuser may signal it
                throw new ChangeRuleViolation(ChangeRuleViolation.Code.WRONG_STATE, "PostgreSQL refused: " + e.getMessage(), "pid");
            }
            throw new SQLStateSQLExceptionTranslator().translate("signal session", null, e);
        }
    }

    private SessionSignalledEvent signal(Connection connection, TargetId target, SignalSessionCommand command) throws SQLException {
        String role;
        String application;
        String state;
        String query;
        try (PreparedStatement find = connection.prepareStatement(SESSION)) {
            find.setInt(1, command.pid());
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next() || !rs.getBoolean("here")) {
                    throw new ChangeRuleViolation(ChangeRuleViolation.Code.NOT_FOUND,
                            "no session " + command.pid() + " in the target's database (it may have ended)", "pid");
                }
                if (rs.getBoolean("mine")) {
                    throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "that is Planetary's own session", "pid");
                }
                role = rs.getString("usename");
                application = rs.getString("application_name");
                state = rs.getString("state");
                query = rs.getString("query");
            }
        }
        boolean delivered;
        String sql = command.signal() == SessionSignal.CANCEL ? "SELECT pg_cancel_backend(?)"
                : "SELECT pg_terminate_backend(?, " + TERMINATE_WAIT_MILLIS + ")";
        try (PreparedStatement send = connection.prepareStatement(sql)) {
            send.setInt(1, command.pid());
            try (ResultSet rs = send.executeQuery()) {
                rs.next();
                delivered = rs.getBoolean(1);
            }
        }
        return new SessionSignalledEvent("signal-" + UUID.randomUUID(), target, command.actor(), clock.instant(), command.signal(),
                command.pid(), role, application, state, query, command.reason().strip(), delivered);
    }
}
