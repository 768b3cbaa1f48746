package dev.planetary.command.change;

import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.DryRunStatus;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.change.command.RecordDryRunCommand;
import dev.planetary.kernel.change.event.ChangeProposedEvent;
import dev.planetary.kernel.change.event.ChangeRevisedEvent;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Dry-runs each proposed or revised change once its proposal is committed, in a streaming
 * processor of its own (pooled, four threads: application.yml): the proposal never waits in a
 * control-plane transaction for the target, changes dry-run side by side with each change's events
 * in order, and a dry-run cut short by a stop runs when the application starts again (the
 * processor resumes from its tokens; {@link DryRunReconciler} catches any the processor passed
 * without recording an outcome). Whoever proposed waits for the outcome on the read model ({@code ChangeQueries}).
 * The aggregate keeps only the outcome of the current revision, so a repeated delivery records
 * nothing twice; an event whose dry-run the read model already shows (a processor started on an
 * old event store) is not run again. The plan is rendered again from the recorded spec, as the
 * proposal rendered it.
 */
@Component
@ProcessingGroup(DryRuns.GROUP)
@DisallowReplay
public class DryRuns {

    public static final String GROUP = "dry-runs";
    private static final Logger log = LoggerFactory.getLogger(DryRuns.class);

    private final DdlTargets targets;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public DryRuns(DdlTargets targets, CommandGateway commands, QueryGateway queries) {
        this.targets = targets;
        this.commands = commands;
        this.queries = queries;
    }

    @EventHandler
    void on(ChangeProposedEvent event) {
        dryRun(event.changeId(), event.target(), 1, event.spec().plan());
    }

    @EventHandler
    void on(ChangeRevisedEvent event) {
        dryRun(event.changeId(), event.target(), event.revision(), event.spec().plan());
    }

    /**
     * Runs the dry-run of a revision unless the read model shows it done or this instance is running
     * it already (the processor and {@link DryRunReconciler} may both reach it after a start).
     */
    void dryRun(ChangeId changeId, TargetId target, int revision, Plan plan) {
        String running = changeId + "#" + revision;
        if (!inFlight.add(running)) {
            return;
        }
        try {
            if (!alreadyDone(changeId, revision)) {
                runAndRecord(changeId, target, revision, plan);
            }
        } finally {
            inFlight.remove(running);
        }
    }

    private void runAndRecord(ChangeId changeId, TargetId target, int revision, Plan plan) {
        long started = System.nanoTime();
        DryRunOutcome outcome;
        try {
            outcome = targets.runner(target).dryRun(plan);
        } catch (RuntimeException e) {
            // Recorded as a failure the proposer sees, rather than a dry-run pending for ever.
            log.warn("change {} revision {}: the dry-run could not run: {}", changeId, revision, e.toString());
            outcome = DryRunOutcome.failed(SqlError.of(SqlError.NOT_RUN, "Planetary could not run the dry-run ("
                    + e.getClass().getSimpleName() + "); revise the change to try again"), millisSince(started));
        }
        commands.sendAndWait(new RecordDryRunCommand(changeId, revision, outcome));
        log.debug("change {} revision {}: dry-run recorded after {} ms", changeId, revision, millisSince(started));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The read model shows this revision's dry-run, or a later revision: nothing to run. */
    private boolean alreadyDone(ChangeId changeId, int revision) {
        ChangeView change = queries.query(new FindChangeQuery(changeId), ChangeView.class).join();
        return change != null && (change.revision() > revision
                || change.revision() == revision && change.dryRunStatus() != DryRunStatus.PENDING);
    }
}
