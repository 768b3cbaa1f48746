package dev.planetary.command.target;

import dev.planetary.command.target.PlanRunner.ApplyOutcome;
import dev.planetary.command.target.PlanRunner.ApplyResult;
import dev.planetary.kernel.change.Baseline;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DriftVerdict;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.change.StepProgress;
import dev.planetary.kernel.change.StepStatus;
import dev.planetary.kernel.plan.OutsideTransaction;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanStep;
import dev.planetary.kernel.plan.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a plan that has statements PostgreSQL runs only outside a transaction, step by step
 * ({@link Plan#steps()}), the way Flyway runs a non-transactional migration:
 * <ul>
 *   <li>a session-level advisory lock (the same key as a one-transaction apply) is held for the
 *       whole plan, so executors stay serialised across the steps' transactions;</li>
 *   <li>a transactional group runs under the catalog guard and commits with its row in the step
 *       ledger ({@code planetary.applied_step}); a step outside a transaction gets its row when it
 *       ends; a resumed apply skips every step in the ledger;</li>
 *   <li>an index build reports progress, and what a failed or interrupted build leaves (an INVALID
 *       index) is dropped; before a resumed build, a valid index means it had finished;</li>
 *   <li>{@code client_connection_check_interval} makes the server stop a build whose client died
 *       (PostgreSQL 14+), so a killed application leaves an INVALID index, dropped when it resumes.</li>
 * </ul>
 */
final class SteppedApply {

    private static final Logger log = LoggerFactory.getLogger(SteppedApply.class);

    private final PlanRunner runner;
    private final Connection connection;
    private final ChangeId changeId;
    private final int revision;
    private final Plan plan;
    private final Baseline baseline;
    private final StepListener listener;
    private final boolean resuming;
    /** What the step just run says on its FINISHED line (an ALTER SYSTEM: in force, or waiting for a restart). */
    private String finishedNote;

    SteppedApply(PlanRunner runner, Connection connection, ChangeId changeId, int revision, Plan plan, Baseline baseline,
                 StepListener listener, boolean resuming) {
        this.baseline = baseline;
        this.runner = runner;
        this.connection = connection;
        this.changeId = changeId;
        this.revision = revision;
        this.plan = plan;
        this.listener = listener;
        this.resuming = resuming;
    }

    ApplyOutcome run() {
        long started = System.nanoTime();
        try {
            connection.setAutoCommit(true);
            execute("SELECT pg_catalog.pg_advisory_lock(" + PlanRunner.APPLY_LOCK_KEY + ")");
            try {
                if (runner.ledger().contains(connection, changeId)) {
                    log.info("change {} is already in the ledger: not applying it again", changeId);
                    return new ApplyOutcome(ApplyResult.ALREADY_APPLIED, null, PlanRunner.millisSince(started));
                }
                DriftVerdict drift = runner.checkDrift(connection, baseline, resuming, CatalogGuard.read(connection));
                if (drift.kind() == DriftVerdict.Kind.DRIFTED) {
                    return PlanRunner.ApplyOutcome.drifted(drift, PlanRunner.millisSince(started));
                }
                Set<Integer> finished = finishedSteps();
                sessionSettings();
                int first = 0;
                for (PlanStep step : plan.steps()) {
                    if (finished.contains(step.number())) {
                        report(step, StepStatus.SKIPPED, null, 0, "finished before the apply was interrupted: not run again");
                    } else {
                        SqlError error = runStep(step, first);
                        if (error != null) {
                            return failed(step, error, started).with(drift);
                        }
                    }
                    first += step.statements().size();
                }
                connection.setAutoCommit(false);
                runner.ledger().record(connection, changeId, revision, plan, CatalogGuard.read(connection));
                connection.commit();
                return new ApplyOutcome(ApplyResult.APPLIED, null, PlanRunner.millisSince(started)).with(drift);
            } finally {
                connection.setAutoCommit(true);
                for (String setting : List.of("planetary.change_id", "lock_timeout", "statement_timeout",
                        "client_connection_check_interval", "jit")) {
                    execute("RESET " + setting);
                }
                execute("SELECT pg_catalog.pg_advisory_unlock(" + PlanRunner.APPLY_LOCK_KEY + ")");
            }
        } catch (SQLException e) {
            return new ApplyOutcome(ApplyResult.FAILED, SqlErrors.from(e, -1), PlanRunner.millisSince(started),
                    "the connection to the target failed; steps in the ledger stay done and the rest did not run");
        } finally {
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                log.debug("restoring autocommit: {}", e.getMessage());
            }
        }
    }

    private SqlError runStep(PlanStep step, int first) throws SQLException {
        report(step, StepStatus.STARTED, null, 0, step.description());
        long started = System.nanoTime();
        finishedNote = null;
        SqlError error = step.transactional() ? runGroup(step, first) : runOutside(step, first);
        if (error == null) {
            report(step, StepStatus.FINISHED, null, PlanRunner.millisSince(started), finishedNote);
        }
        return error;
    }

    private SqlError runGroup(PlanStep step, int first) throws SQLException {
        connection.setAutoCommit(false);
        try {
            runner.setTransactionSettings(connection, changeId);
            PlanRunner.Execution execution = runner.executeGroup(connection, plan, step.statements(), first,
                    CatalogGuard.read(connection));
            if (execution.error() != null) {
                connection.rollback();
                return execution.error();
            }
            recordFinished(step);
            connection.commit();
            return null;
        } catch (SQLException e) {
            connection.rollback();
            return SqlErrors.from(e, first);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private SqlError runOutside(PlanStep step, int index) throws SQLException {
        Statement statement = step.only();
        OutsideTransaction how = statement.outside();
        if (how.leftover() == OutsideTransaction.Leftover.INVALID_INDEX) {
            Leftovers.IndexState state = Leftovers.indexState(connection, how.index());
            if (state == Leftovers.IndexState.VALID && resuming) {
                recordFinished(step);
                report(step, StepStatus.SKIPPED, null, 0, "the index was built before the apply was interrupted");
                return null;
            }
        }
        if (resuming || how.leftover() == OutsideTransaction.Leftover.INVALID_INDEX) {
            dropLeftovers(step, how, "left by an interrupted run");
        }
        SqlError error;
        try (ProgressWatcher ignored = ProgressWatcher.watch(runner.database(), backendPid(), how.progress(),
                progress -> report(step, StepStatus.PROGRESSED, progress, 0, null))) {
            error = runner.executeOne(connection, statement, false, index);
        }
        if (error != null) {
            dropLeftovers(step, how, "left by the failed run");
            return error;
        }
        if (how.setting() != null) {
            SettingInForce.Outcome inForce = SettingInForce.reloadAndCheck(connection, runner.database(), how.setting(), index);
            if (inForce.error() != null) {
                return inForce.error();
            }
            finishedNote = inForce.note();
        }
        recordFinished(step);
        return null;
    }

    private void dropLeftovers(PlanStep step, OutsideTransaction how, String why) throws SQLException {
        List<String> dropped = Leftovers.dropAfter(connection, how);
        if (!dropped.isEmpty()) {
            report(step, StepStatus.CLEANED_UP, null, 0, "dropped the INVALID index " + String.join(", ", dropped) + " " + why);
        }
    }

    private ApplyOutcome failed(PlanStep failed, SqlError error, long started) {
        List<PlanStep> steps = plan.steps();
        String done = steps.stream().filter(s -> s.number() < failed.number()).map(s -> "step " + s.number())
                .collect(Collectors.joining(", "));
        String notRun = steps.stream().filter(s -> s.number() > failed.number()).map(s -> "step " + s.number())
                .collect(Collectors.joining(", "));
        String note = (done.isEmpty() ? "Nothing was done" : "Done and kept: " + done)
                + "; step " + failed.number() + " of " + steps.size() + " failed and left nothing behind"
                + (notRun.isEmpty() ? "" : "; not run: " + notRun) + ".";
        if (!runner.cancelled()) {
            report(failed, StepStatus.FAILED, null, 0, error.sqlState() + ": " + error.message());
        }
        return new ApplyOutcome(ApplyResult.FAILED, error, PlanRunner.millisSince(started), note);
    }

    private void sessionSettings() throws SQLException {
        // For this session until the plan ends (each transactional group sets its own, shorter, timeouts).
        try (PreparedStatement settings = connection.prepareStatement("""
                SELECT set_config('standard_conforming_strings', 'on', false), set_config('jit', 'off', false),
                       set_config('lock_timeout', ?, false), set_config('statement_timeout', ?, false),
                       set_config('client_connection_check_interval', '1s', false),
                       set_config('planetary.change_id', ?, false)""")) {
            settings.setString(1, runner.properties().lockTimeout().toMillis() + "ms");
            settings.setString(2, runner.properties().stepTimeout().toMillis() + "ms");
            settings.setString(3, changeId.value());
            settings.execute();
        }
    }

    private Set<Integer> finishedSteps() throws SQLException {
        Set<Integer> finished = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT step FROM planetary.applied_step WHERE change_id = ?")) {
            query.setString(1, changeId.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    finished.add(rows.getInt(1));
                }
            }
        }
        return finished;
    }

    private void recordFinished(PlanStep step) throws SQLException {
        try (PreparedStatement ledger = connection.prepareStatement(
                "INSERT INTO planetary.applied_step (change_id, step) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ledger.setString(1, changeId.value());
            ledger.setInt(2, step.number());
            ledger.executeUpdate();
        }
    }

    private int backendPid() throws SQLException {
        try (java.sql.Statement query = connection.createStatement(); ResultSet row = query.executeQuery("SELECT pg_catalog.pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The listener sends commands: a failure there must not stop the apply. */
    private void report(PlanStep step, StepStatus status, StepProgress progress, long millis, String note) {
        try {
            listener.step(step, status, progress, millis, note);
        } catch (RuntimeException e) {
            log.warn("could not record step {} {} of change {}: {}", step.number(), status, changeId, e.toString());
        }
    }
}
