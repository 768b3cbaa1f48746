package dev.planetary.command.testrun;

import dev.planetary.command.target.DdlDatabase;
import dev.planetary.command.target.DdlTargets;
import dev.planetary.command.target.SqlErrors;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.testrun.TestRunRequest.ViewOperation;
import dev.planetary.kernel.testrun.TestRunRequest;
import dev.planetary.kernel.testrun.TestRunResult;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a {@link TestRunRequest} on the target and always rolls back. To act as the chosen role
 * the DDL login needs to be a member of it: it grants itself the membership inside the same
 * transaction (a role with CREATEROLE may), so the rollback takes the membership away with
 * everything else. Superuser roles are refused: a test as one would prove nothing about the
 * rights an application has. Sequences are the one thing a rollback cannot undo: an INSERT
 * through a view with an identity column still advances its sequence.
 */
@Component
public class TestRunner {

    private static final String TIMEOUTS = "SET LOCAL statement_timeout = '10s'; SET LOCAL lock_timeout = '2s'";

    private final DdlTargets targets;

    public TestRunner(DdlTargets targets) {
        this.targets = targets;
    }

    public TestRunResult run(TargetId target, String runId, TestRunRequest request) {
        DdlDatabase database = targets.get(target).database();
        String sql = sql(request);
        long started = System.nanoTime();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                becomeRole(connection, request.role());
                applySettings(connection, request.settings());
                return execute(connection, runId, sql, parameters(request), started);
            } catch (SQLException e) {
                return failed(runId, sql, SqlErrors.from(e, 0), started);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            return failed(runId, sql, SqlErrors.from(e, 0), started);
        }
    }

    private void becomeRole(Connection connection, Identifier role) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement(
                "SELECT rolsuper, pg_has_role(current_user, oid, 'USAGE') FROM pg_roles WHERE rolname = ?")) {
            check.setString(1, role.name());
            try (ResultSet rows = check.executeQuery()) {
                if (!rows.next()) {
                    throw new SpecViolation("role", "there is no role " + role.name());
                }
                if (rows.getBoolean(1)) {
                    throw new SpecViolation("role", role.name() + " is a superuser: a test as it would prove nothing");
                }
                try (var statement = connection.createStatement()) {
                    statement.execute(TIMEOUTS);
                    if (!rows.getBoolean(2)) {
                        statement.execute("GRANT " + role.quoted() + " TO CURRENT_USER");
                    }
                    statement.execute("SET LOCAL ROLE " + role.quoted());
                }
            }
        }
    }

    private void applySettings(Connection connection, Map<String, String> settings) throws SQLException {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            try (PreparedStatement set = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
                set.setString(1, setting.getKey());
                set.setString(2, setting.getValue());
                set.execute();
            }
        }
    }

    private TestRunResult execute(Connection connection, String runId, String sql, List<String> parameters, long started)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i) == null) {
                    statement.setNull(i + 1, Types.OTHER);
                } else {
                    statement.setObject(i + 1, parameters.get(i), Types.OTHER);
                }
            }
            statement.setMaxRows(TestRunResult.MAX_ROWS + 1);
            List<String> columns = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            SQLException failure = null;
            try {
                if (statement.execute()) {
                    try (ResultSet result = statement.getResultSet()) {
                        ResultSetMetaData meta = result.getMetaData();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            columns.add(meta.getColumnLabel(c));
                        }
                        while (result.next()) {
                            List<String> row = new ArrayList<>();
                            for (int c = 1; c <= columns.size(); c++) {
                                row.add(result.getString(c));
                            }
                            rows.add(row);
                        }
                    }
                }
            } catch (SQLException e) {
                failure = e;
            }
            List<String> notices = notices(statement.getWarnings());
            boolean truncated = rows.size() > TestRunResult.MAX_ROWS;
            List<List<String>> shown = truncated ? rows.subList(0, TestRunResult.MAX_ROWS) : rows;
            SqlError error = failure == null ? null : SqlErrors.from(failure, 0);
            return new TestRunResult(runId, sql, columns, List.copyOf(shown), truncated, notices, error, millis(started));
        }
    }

    /** The statement, with every name quoted and every value a bind parameter. */
    static String sql(TestRunRequest request) {
        String object = request.object().quoted();
        if (request.target() == TestRunRequest.Target.FUNCTION) {
            return "SELECT * FROM " + object + "(" + request.argumentTypes().stream().map(t -> "?::" + t.name())
                    .collect(Collectors.joining(", ")) + ")";
        }
        String where = request.match().isEmpty() ? "" : " WHERE " + request.match().keySet().stream()
                .map(c -> Identifier.of(c).quoted() + " = ?").collect(Collectors.joining(" AND "));
        ViewOperation operation = request.operation();
        return switch (operation) {
            case SELECT -> "SELECT * FROM " + object + where;
            case INSERT -> "INSERT INTO " + object + " (" + request.values().keySet().stream()
                    .map(c -> Identifier.of(c).quoted()).collect(Collectors.joining(", ")) + ") VALUES ("
                    + request.values().keySet().stream().map(c -> "?").collect(Collectors.joining(", ")) + ") RETURNING *";
            case UPDATE -> "UPDATE " + object + " SET " + request.values().keySet().stream()
                    .map(c -> Identifier.of(c).quoted() + " = ?").collect(Collectors.joining(", ")) + where + " RETURNING *";
            case DELETE -> "DELETE FROM " + object + where + " RETURNING *";
        };
    }

    private static List<String> parameters(TestRunRequest request) {
        if (request.target() == TestRunRequest.Target.FUNCTION) {
            return request.arguments();
        }
        List<String> parameters = new ArrayList<>();
        if (request.operation() == ViewOperation.INSERT || request.operation() == ViewOperation.UPDATE) {
            parameters.addAll(request.values().values());
        }
        if (request.operation() != ViewOperation.INSERT) {
            parameters.addAll(request.match().values());
        }
        return parameters;
    }

    private static List<String> notices(SQLWarning warning) {
        List<String> notices = new ArrayList<>();
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            notices.add(w.getMessage());
        }
        return notices;
    }

    private static TestRunResult failed(String runId, String sql, SqlError error, long started) {
        return new TestRunResult(runId, sql, List.of(), List.of(), false, List.of(), error, millis(started));
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
