package dev.planetary.command.operations;

import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.jobs.FindJobFactsQuery;
import dev.planetary.kernel.jobs.JobFacts;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads one of the executor login's pg_cron jobs for a change to it, with that login: pg_cron shows each
 * login its own jobs (row-level security on cron.job), and those are the only ones it may alter or
 * unschedule. Read-only, in a transaction rolled back, with short timeouts.
 */
@Component
public class JobFactsReader {

    private final DdlTargets targets;

    public JobFactsReader(DdlTargets targets) {
        this.targets = targets;
    }

    @QueryHandler
    public JobFacts handle(FindJobFactsQuery query) {
        try (Connection connection = targets.get(query.target()).database().connection()) {
            try {
                try (Statement settings = connection.createStatement()) {
                    settings.execute("SET LOCAL statement_timeout = 5000; SET LOCAL lock_timeout = 100");
                }
                return read(connection, query.name());
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("job facts", null, e);
        }
    }

    private static JobFacts read(Connection connection, String name) throws SQLException {
        try (Statement check = connection.createStatement();
             ResultSet installed = check.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_cron')")) {
            installed.next();
            if (!installed.getBoolean(1)) {
                return JobFacts.NOT_INSTALLED;
            }
        }
        try (PreparedStatement job = connection.prepareStatement(
                "SELECT jobid, schedule, command, active FROM cron.job WHERE jobname = ? AND username = current_user")) {
            job.setString(1, name);
            try (ResultSet row = job.executeQuery()) {
                return row.next() ? new JobFacts(true, row.getLong("jobid"), row.getString("schedule"), row.getString("command"),
                        row.getBoolean("active")) : JobFacts.NONE;
            }
        }
    }
}
