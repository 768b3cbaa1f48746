package dev.planetary.command.target;

import dev.planetary.kernel.change.Baseline;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DriftVerdict;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LockLint;
import dev.planetary.kernel.plan.LockPreview;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs plans on the target the way Flyway runs migrations: one explicit transaction, rolled back
 * on any error, with lock and statement timeouts set for that transaction only.
 *
 * <p>Applying is guarded twice. A transaction-level advisory lock serialises executors (several
 * Planetary instances may share a target). The ledger table {@code planetary.applied_change} gets
 * a row in the same transaction as the DDL, so the row exists if and only if the DDL committed:
 * a change found in the ledger is never run again, whatever was redelivered or restarted.
 */
public class PlanRunner {

    /** Runs of a dry-run, or of a transactional apply, when the one before lost a race on a catalog row. */
    private static final int ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(PlanRunner.class);
    /** Arbitrary but fixed: "planetary" in ASCII, truncated to a bigint. */
    static final long APPLY_LOCK_KEY = 0x706c616e65746172L;

    private final DdlDatabase database;
    private final DdlTargetProperties properties;
    private final Credentials credentials;
    private final AtomicReference<java.sql.Statement> running = new AtomicReference<>();
    private final Ledger ledger = new Ledger();
    /** Set on shutdown: a step cut short then is resumed at the next start, not reported as failed. */
    private volatile boolean cancelled;

    public PlanRunner(DdlDatabase database, DdlTargetProperties properties) {
        this(database, properties, new Credentials(new org.springframework.core.env.StandardEnvironment()));
    }

    public PlanRunner(DdlDatabase database, DdlTargetProperties properties, Credentials credentials) {
        this.credentials = credentials;
        this.database = database;
        this.properties = properties;
    }

    public enum ApplyResult { APPLIED, ALREADY_APPLIED, FAILED, DRIFTED }

    /**
     * {@code note} says, for a plan run step by step, what was done and what was not; {@code drift}
     * what the drift guard found (DRIFTED: nothing ran).
     */
    public record ApplyOutcome(ApplyResult result, SqlError error, long durationMillis, String note, DriftVerdict drift) {

        public ApplyOutcome(ApplyResult result, SqlError error, long durationMillis) {
            this(result, error, durationMillis, null, DriftVerdict.NONE);
        }

        public ApplyOutcome(ApplyResult result, SqlError error, long durationMillis, String note) {
            this(result, error, durationMillis, note, DriftVerdict.NONE);
        }

        static ApplyOutcome drifted(DriftVerdict drift, long durationMillis) {
            return new ApplyOutcome(ApplyResult.DRIFTED, null, durationMillis, null, drift);
        }

        ApplyOutcome with(DriftVerdict verdict) {
            return new ApplyOutcome(result, error, durationMillis, note, verdict);
        }
    }

    /** Executes the plan in a transaction that is always rolled back. */
    /**
     * Runs the plan in a transaction that is rolled back. A catalog row updated by another session at
     * the same moment (two GRANTs on one table: "tuple concurrently updated"), a deadlock or a
     * serialization failure says nothing about the plan: the rehearsal is run again, up to five times.
     */
    public DryRunOutcome dryRun(Plan plan) {
        DryRunOutcome outcome = dryRunOnce(plan);
        for (int attempt = 1; attempt < ATTEMPTS && !outcome.passed() && SqlErrors.transientConflict(outcome.error()); attempt++) {
            pause(attempt);
            outcome = dryRunOnce(plan);
        }
        return outcome;
    }

    private DryRunOutcome dryRunOnce(Plan plan) {
        long started = System.nanoTime();
        try (Connection connection = database.connection()) {
            ledger.ensure(connection);
            try {
                // One snapshot for the whole rehearsal: the catalog guard compares the catalog before and after
                // the plan, and under READ COMMITTED a change another session commits in between (an apply
                // building an index on the same table) was blamed on the plan. The crash loop found it.
                // For this transaction only: the pooled session keeps its READ COMMITTED.
                try (java.sql.Statement isolation = connection.createStatement()) {
                    isolation.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                }
                setTransactionSettings(connection, null);
                long ledgerPosition = Ledger.position(connection);
                Execution execution = rehearse(connection, plan);
                DryRunOutcome outcome = execution.error() == null ? DryRunOutcome.passed(millisSince(started), execution.changes())
                        : DryRunOutcome.failed(execution.error(), millisSince(started), execution.changes());
                if (execution.before() != null && execution.error() == null) {
                    outcome = outcome.withBaseline(DriftGuard.baseline(plan, execution.before(), ledgerPosition));
                }
                if (execution.locks() != null) {
                    outcome = outcome.withLocks(execution.locks(),
                            LockLint.findings(plan, execution.locks(), properties.largeTable().toBytes()));
                }
                return outcome.withNotes(rehearsalNotes(plan));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            return DryRunOutcome.failed(SqlErrors.from(e, -1), millisSince(started));
        }
    }

    public ApplyOutcome apply(ChangeId changeId, int revision, Plan plan) {
        return apply(changeId, revision, plan, null, StepListener.NONE, false);
    }

    /**
     * Applies the plan once. A plan of transactional statements commits its DDL and the ledger row
     * together, or nothing. A plan with statements that run outside a transaction runs step by step
     * ({@link SteppedApply}), each step recorded in the step ledger as it ends; {@code resuming} when
     * the apply was interrupted before (a restart), so an index found built counts as built by it.
     * Before anything runs, the plan's objects are compared with its dry-run's {@code baseline}
     * (skipped when null, or when resuming: the interrupted apply changed them itself).
     */
    public ApplyOutcome apply(ChangeId changeId, int revision, Plan plan, Baseline baseline, StepListener listener,
                              boolean resuming) {
        ApplyOutcome outcome = applyOnce(changeId, revision, plan, baseline, listener, resuming);
        // A transactional plan that lost a race on a catalog row rolled back whole: it runs again (see dryRun).
        // A plan run step by step resumes: its finished steps are in the step ledger, and the failed step
        // left nothing (an index build chosen as a deadlock's victim has its INVALID index dropped).
        for (int attempt = 1; attempt < ATTEMPTS && outcome.result() == ApplyResult.FAILED
                && SqlErrors.transientConflict(outcome.error()); attempt++) {
            log.info("change {}: {} ({}); running it again", changeId, outcome.error().message(), outcome.error().sqlState());
            pause(attempt);
            outcome = applyOnce(changeId, revision, plan, baseline, listener, resuming || plan.runsOutsideTransaction());
        }
        return outcome;
    }

    private static void pause(int attempt) {
        try {
            // spread out, so that racers do not meet again at the same moment
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(10, 40) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ApplyOutcome applyOnce(ChangeId changeId, int revision, Plan plan, Baseline baseline, StepListener listener,
                                   boolean resuming) {
        long started = System.nanoTime();
        try (Connection connection = database.connection()) {
            ledger.ensure(connection);
            if (plan.runsOutsideTransaction()) {
                return new SteppedApply(this, connection, changeId, revision, plan, baseline, listener, resuming).run();
            }
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, APPLY_LOCK_KEY);
                    lock.execute();
                }
                if (ledger.contains(connection, changeId)) {
                    connection.rollback();
                    log.info("change {} is already in the ledger: not applying it again", changeId);
                    return new ApplyOutcome(ApplyResult.ALREADY_APPLIED, null, millisSince(started));
                }
                setTransactionSettings(connection, changeId);
                CatalogGuard.Snapshot before = CatalogGuard.read(connection);
                DriftVerdict drift = checkDrift(connection, baseline, resuming, before);
                if (drift.kind() == DriftVerdict.Kind.DRIFTED) {
                    connection.rollback();
                    return ApplyOutcome.drifted(drift, millisSince(started));
                }
                Execution execution = executeGroup(connection, plan, plan.statements(), 0, before);
                if (execution.error() != null) {
                    connection.rollback();
                    return new ApplyOutcome(ApplyResult.FAILED, execution.error(), millisSince(started)).with(drift);
                }
                ledger.record(connection, changeId, revision, plan, execution.after());
                connection.commit();
                return new ApplyOutcome(ApplyResult.APPLIED, null, millisSince(started)).with(drift);
            } catch (SQLException e) {
                connection.rollback();
                return new ApplyOutcome(ApplyResult.FAILED, SqlErrors.from(e, -1), millisSince(started));
            }
        } catch (SQLException e) {
            return new ApplyOutcome(ApplyResult.FAILED, SqlErrors.from(e, -1), millisSince(started));
        }
    }

    /** Cancels the statement in flight, if any (used on shutdown; the change is resumed at the next start). */
    public void cancelRunning() {
        cancelled = true;
        java.sql.Statement statement = running.get();
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                log.warn("could not cancel the running statement: {}", e.getMessage());
            }
        }
    }

    /**
     * What running a plan's statements did: the error (null if none), the catalog parts it changed,
     * and the catalog before and after (null where it was not read).
     */
    record Execution(SqlError error, List<CatalogEffect> changes, CatalogGuard.Snapshot before, CatalogGuard.Snapshot after,
                     List<LockPreview> locks) {

        static Execution failed(SqlError error) {
            return new Execution(error, List.of(), null, null, null);
        }

        Execution withLocks(List<LockPreview> locks) {
            return new Execution(error, changes, before, after, locks);
        }
    }

    /** The drift guard's verdict on the plan's objects now, compared with the dry-run's baseline. */
    DriftVerdict checkDrift(Connection connection, Baseline baseline, boolean resuming, CatalogGuard.Snapshot now)
            throws SQLException {
        if (baseline == null || resuming) {
            return DriftVerdict.NONE;
        }
        DriftVerdict verdict = DriftGuard.verdict(baseline, now, Ledger.appliedSince(connection, baseline.ledgerPosition()));
        if (verdict.kind() != DriftVerdict.Kind.NONE) {
            log.info("drift guard: {} ({})", verdict.kind(), verdict.differences());
        }
        return verdict;
    }

    /** Runs some of the plan's statements (index of the first: {@code first}) under the catalog guard. */
    Execution executeGroup(Connection connection, Plan plan, List<Statement> statements, int first,
                           CatalogGuard.Snapshot before) throws SQLException {
        SqlError error = executeStatements(connection, statements, first, null);
        return error != null ? Execution.failed(error) : judge(plan, before, CatalogGuard.read(connection));
    }

    /**
     * {@link #execute} for a dry-run, whose transaction is rolled back anyway: the statements run
     * first, in a savepoint, and the catalog is read before them only if they all succeeded (by
     * rolling back to the savepoint), so a plan that fails in PostgreSQL costs no catalog reading.
     */
    private Execution rehearse(Connection connection, Plan plan) throws SQLException {
        Savepoint start = connection.setSavepoint();
        LockRecorder locks = new LockRecorder();
        SqlError error = executeStatements(connection, plan.statements(), 0, locks);
        if (error != null) {
            return Execution.failed(error).withLocks(locks.locks());
        }
        CatalogGuard.Snapshot after = CatalogGuard.read(connection);
        connection.rollback(start);
        return judge(plan, CatalogGuard.read(connection), after).withLocks(locks.locks());
    }

    private Execution judge(Plan plan, CatalogGuard.Snapshot before, CatalogGuard.Snapshot after) {
        List<CatalogEffect> changed = CatalogGuard.changed(before, after);
        List<CatalogEffect> undeclared = CatalogGuard.undeclared(plan, changed, before, after);
        if (!undeclared.isEmpty()) {
            log.warn("a plan changed parts of the catalog it does not declare: {}", undeclared);
            return new Execution(CatalogGuard.refusal(undeclared), changed, before, after, null);
        }
        return new Execution(null, changed, before, after, null);
    }

    /**
     * Runs statements one by one. In a dry-run ({@code rehearsal} records the locks each takes) a
     * statement that runs outside a transaction is replaced by its rehearsal, its transactional
     * equivalent; at apply ({@code rehearsal} null) only transactional statements come here.
     */
    SqlError executeStatements(Connection connection, List<Statement> statements, int first, LockRecorder rehearsal)
            throws SQLException {
        boolean rehearsing = rehearsal != null;
        int index = first;
        for (Statement step : statements) {
            if (!step.transactional() && !rehearsing) {
                throw new IllegalStateException("statement " + (index + 1) + " runs outside a transaction, as a step of its own");
            }
            if (!step.transactional() && step.outside().rehearsal() == null) {
                index++;
                continue; // nothing transactional comes close (ALTER SYSTEM): the dry-run says so in its notes
            }
            SqlError error = executeOne(connection, step, !step.transactional(), index);
            if (error != null) {
                return error;
            }
            if (rehearsing) {
                rehearsal.afterStatement(connection, index, !step.transactional());
            }
            index++;
        }
        return null;
    }

    /** One statement (or its rehearsal), checked to reach the server as one, exactly as written. */
    SqlError executeOne(Connection connection, Statement step, boolean rehearsal, int index) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            String sql = rehearsal ? step.outside().rehearsal() : credentials.sqlToRun(step);
            if (!DriverStatements.sentAsOne(sql)) {
                // Never includes the SQL: it may hold a credential's secret.
                return new SqlError("42601", "statement " + (index + 1) + " would reach the server as several statements"
                        + " or rewritten by the driver; it was not run", null, "revise the change", 0, index);
            }
            // JDBC escapes ({fn now()}, {d '2024-01-01'}) would be rewritten: what runs must be what was reviewed.
            statement.setEscapeProcessing(false);
            running.set(statement);
            statement.execute(sql);
            return null;
        } catch (SQLException e) {
            return SqlErrors.from(e, index);
        } catch (Credentials.MissingCredential e) {
            return new SqlError("28P01", e.getMessage(), null, "configure it, then revise or resume the change", 0, index);
        } finally {
            running.set(null);
        }
    }

    /** What the dry-run ran instead of each statement that runs outside a transaction. */
    private static List<String> rehearsalNotes(Plan plan) {
        List<String> notes = new java.util.ArrayList<>();
        for (int i = 0; i < plan.statements().size(); i++) {
            Statement statement = plan.statements().get(i);
            if (statement.transactional()) {
                continue;
            }
            String rehearsal = statement.outside().rehearsal();
            if (statement.outside().setting() != null) {
                notes.add("statement " + (i + 1) + " (ALTER SYSTEM) runs outside a transaction at apply; the dry-run checked that"
                        + " Planetary's login may change " + statement.outside().setting().parameter() + " and reload the configuration");
                continue;
            }
            notes.add(rehearsal == null
                    ? "statement " + (i + 1) + " cannot run inside a transaction and has no transactional equivalent: it was not dry-run"
                    : "statement " + (i + 1) + " runs outside a transaction at apply; the dry-run ran its transactional equivalent: "
                    + rehearsal);
        }
        return notes;
    }

    Ledger ledger() {
        return ledger;
    }

    boolean cancelled() {
        return cancelled;
    }

    DdlDatabase database() {
        return database;
    }

    DdlTargetProperties properties() {
        return properties;
    }

    /** The settings every plan runs with, dry-run or apply. */
    void setTransactionSettings(Connection connection, ChangeId changeId) throws SQLException {
        // One round trip, for this transaction only:
        // - standard_conforming_strings: the lexer that checked every fragment reads strings this way;
        // - the timeouts, so a plan never waits long behind a lock;
        // - jit off: compiling the catalog guard's large query costs seconds on a big catalog and saves
        //   nothing (3.4 s with JIT, 0.5 s without, at 9,000 relations; bench/README.md);
        // - planetary.change_id marks the transaction's DDL as Planetary's own, for the event trigger
        //   that spots drift (empty in a dry-run, which is rolled back).
        try (PreparedStatement settings = connection.prepareStatement("""
                SELECT set_config('standard_conforming_strings', 'on', true), set_config('lock_timeout', ?, true),
                       set_config('statement_timeout', ?, true), set_config('jit', 'off', true),
                       set_config('planetary.change_id', ?, true)""")) {
            settings.setString(1, properties.lockTimeout().toMillis() + "ms");
            settings.setString(2, properties.statementTimeout().toMillis() + "ms");
            settings.setString(3, changeId == null ? "" : changeId.value());
            settings.execute();
        }
    }

    static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
