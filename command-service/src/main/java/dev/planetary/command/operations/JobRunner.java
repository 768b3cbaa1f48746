package dev.planetary.command.operations;

import dev.planetary.command.target.DdlTargets.DdlTarget;
import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.jobs.JobRunFinishedEvent;
import dev.planetary.kernel.jobs.JobRunStartedEvent;
import dev.planetary.kernel.jobs.RunJobNowCommand;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs one of the executor login's pg_cron jobs once, now, for an operator: as pg_cron would (the job's
 * SQL as it is in cron.job, in the target's database, as the job's role, autocommit), in a session of its
 * own and in the background, so a long job holds up neither the request nor the executor's pool. The
 * start (with the SQL that runs) and the outcome are events the history keeps. The session claims what it
 * runs with the run's id, so DDL a job runs is the operator's act, not drift.
 */
@Service
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final String JOB = """
            SELECT jobid, command, username, database = current_database() AS here, database
            FROM cron.job WHERE jobname = ? AND username = current_user""";

    private final DdlTargets targets;
    private final EventGateway events;
    private final Clock clock;
    private final Duration timeout;
    private final ExecutorService runs = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "job-run-now");
        thread.setDaemon(true);
        return thread;
    });

    public JobRunner(DdlTargets targets, EventGateway events, Clock clock,
                     @Value("${planetary.jobs.run-now-timeout:30m}") Duration timeout) {
        this.targets = targets;
        this.events = events;
        this.clock = clock;
        this.timeout = timeout;
    }

    @CommandHandler
    public JobRunStartedEvent handle(RunJobNowCommand command) {
        if (command.job() == null || command.job().isBlank()) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name the job to run", "job");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID,
                    "say why: the history keeps the reason with what ran", "reason");
        }
        DdlTarget target = targets.get(command.target());
        JobRunStartedEvent started = find(target, command);
        events.publish(started);
        runs.execute(() -> events.publish(run(target, started)));
        return started;
    }

    private JobRunStartedEvent find(DdlTarget target, RunJobNowCommand command) {
        try (Connection connection = target.database().connection()) {
            connection.setAutoCommit(true);
            if (!installed(connection)) {
                throw new ChangeRuleViolation(ChangeRuleViolation.Code.NOT_FOUND, "pg_cron is not installed on this target", "job");
            }
            try (PreparedStatement find = connection.prepareStatement(JOB)) {
                find.setString(1, command.job().strip());
                try (ResultSet job = find.executeQuery()) {
                    if (!job.next()) {
                        throw new ChangeRuleViolation(ChangeRuleViolation.Code.NOT_FOUND, "no job " + command.job().strip()
                                + " runs as Planetary's executor login here: Planetary runs only the jobs it scheduled", "job");
                    }
                    if (!job.getBoolean("here")) {
                        throw new ChangeRuleViolation(ChangeRuleViolation.Code.WRONG_STATE, "job " + command.job().strip()
                                + " runs in database " + job.getString("database") + ", not in the target's", "job");
                    }
                    return new JobRunStartedEvent("job-run-" + UUID.randomUUID(), target.id(), command.job().strip(),
                            job.getLong("jobid"), job.getString("username"), job.getString("command"), command.actor(),
                            command.reason().strip(), clock.instant());
                }
            }
        } catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("find job", JOB, e);
        }
    }

    private static boolean installed(Connection connection) throws SQLException {
        try (Statement check = connection.createStatement();
             ResultSet row = check.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_cron')")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /** The run itself: never throws, the outcome is the event. */
    private JobRunFinishedEvent run(DdlTarget target, JobRunStartedEvent started) {
        Instant start = clock.instant();
        try (Connection session = target.database().newSession()) {
            session.setAutoCommit(true);
            try (PreparedStatement claim = session.prepareStatement(
                    "SELECT set_config('planetary.change_id', ?, false), set_config('statement_timeout', ?, false)")) {
                claim.setString(1, started.runId());
                claim.setString(2, Long.toString(timeout.toMillis()));
                claim.execute();
            }
            try (Statement job = session.createStatement()) {
                job.execute(started.command());
            }
            return finished(started, start, true, null);
        } catch (SQLException e) {
            return finished(started, start, false, "ERROR: " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")");
        } catch (RuntimeException e) {
            log.warn("run of job {} on {} ended unexpectedly", started.job(), started.target(), e);
            return finished(started, start, false, e.toString());
        }
    }

    private JobRunFinishedEvent finished(JobRunStartedEvent started, Instant start, boolean succeeded, String message) {
        return new JobRunFinishedEvent(started.runId(), started.target(), started.job(), started.jobId(), started.actor(), start,
                clock.instant(), succeeded, message);
    }

    @PreDestroy
    void stop() {
        runs.shutdownNow();
    }
}
