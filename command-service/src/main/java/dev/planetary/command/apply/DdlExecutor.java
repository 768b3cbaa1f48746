package dev.planetary.command.apply;

import dev.planetary.command.target.DdlTargets;
import dev.planetary.command.target.PlanRunner.ApplyOutcome;
import dev.planetary.command.target.PlanRunner;
import dev.planetary.command.target.StepListener;
import dev.planetary.kernel.change.ApplyStart;
import dev.planetary.kernel.change.ApplyTicket;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.command.BeginApplyCommand;
import dev.planetary.kernel.change.command.ExecuteChangeCommand;
import dev.planetary.kernel.change.command.RecordApplyOutcomeCommand;
import dev.planetary.kernel.change.command.RecordApplyWaitingCommand;
import dev.planetary.kernel.change.command.RecordStepCommand;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.target.TargetId;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies approved changes, one at a time per target, on worker threads of its own: the command
 * returns at once, so no DDL runs inside the saga's unit of work, and a long lock wait (or an
 * unreachable server) on one target holds up nothing else. A dispatcher asks the aggregate to begin
 * (which names the change's target) and hands the plan to that target's worker.
 * Every step is safe to repeat: the aggregate answers DONE for a change with an outcome, and the
 * ledger in {@link PlanRunner} keeps a committed plan from running twice. An unreachable target
 * makes the apply wait and try again ({@link #waitForTarget}), never fail.
 */
@Component
public class DdlExecutor {

    private static final Logger log = LoggerFactory.getLogger(DdlExecutor.class);

    private final CommandGateway commandGateway;
    private final DdlTargets targets;
    private final QueryGateway queryGateway;
    private final ExecutorService dispatcher = singleThread("planetary-apply");
    private final Map<TargetId, ExecutorService> workers = new ConcurrentHashMap<>();
    private final Set<ChangeId> inFlight = ConcurrentHashMap.newKeySet();
    /** Applies waiting for an unreachable target, tried again later; how often each has been tried. */
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "planetary-apply-retry");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<ChangeId, Integer> unreachableTries = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public DdlExecutor(CommandGateway commandGateway, DdlTargets targets, QueryGateway queryGateway) {
        this.commandGateway = commandGateway;
        this.targets = targets;
        this.queryGateway = queryGateway;
    }

    private static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @CommandHandler
    public void handle(ExecuteChangeCommand command) {
        ChangeId changeId = command.changeId();
        if (stopping || !inFlight.add(changeId)) {
            return; // already queued or running; the reconciler picks it up after a restart
        }
        dispatcher.submit(() -> {
            try {
                begin(changeId);
            } catch (RuntimeException e) {
                log.error("could not apply change {}: {}", changeId, e.toString());
                inFlight.remove(changeId);
            }
        });
    }

    /**
     * The change this one must be applied after, while that one is not applied yet. Asked before
     * BeginApply, which would move the change to APPLYING (and a resumed apply is not held back).
     */
    private Optional<String> notYetApplied(ChangeId changeId) {
        ChangeView change = queryGateway.query(new FindChangeQuery(changeId), ChangeView.class).join();
        if (change == null || change.appliesAfter() == null) {
            return Optional.empty();
        }
        ChangeView before = queryGateway.query(new FindChangeQuery(ChangeId.of(change.appliesAfter())), ChangeView.class).join();
        return before != null && before.status() == ChangeStatus.APPLIED ? Optional.empty() : Optional.of(change.appliesAfter());
    }

    /** Whether the change is queued or being applied here now (what a restart or a redelivery waits out). */
    public boolean busyWith(ChangeId changeId) {
        return inFlight.contains(changeId);
    }

    /** Asks the aggregate to begin, then queues the apply on its target's worker. */
    private void begin(ChangeId changeId) {
        Optional<String> waitingFor = notYetApplied(changeId);
        if (waitingFor.isPresent()) {
            // Promoted in a batch: applied once the change before it is ({@link AppliesAfter} sends it again then).
            log.info("change {} waits for change {} to be applied first", changeId, waitingFor.get());
            inFlight.remove(changeId);
            return;
        }
        ApplyTicket ticket = commandGateway.sendAndWait(new BeginApplyCommand(changeId));
        if (ticket.start() == ApplyStart.DONE || ticket.start() == ApplyStart.WAIT) {
            inFlight.remove(changeId); // an outcome already, or an operator's rollout still to come
            return;
        }
        workers.computeIfAbsent(ticket.target(), target -> singleThread("planetary-apply-" + target)).submit(() -> {
            try {
                apply(changeId, ticket);
            } catch (RuntimeException e) {
                log.error("could not apply change {}: {}", changeId, e.toString());
            } finally {
                inFlight.remove(changeId);
            }
        });
    }

    private void apply(ChangeId changeId, ApplyTicket ticket) {
        PlanRunner planRunner = targets.runner(ticket.target());
        StepListener steps = (step, status, progress, millis, note) -> commandGateway.sendAndWait(
                new RecordStepCommand(changeId, step.number(), status, step.description(), progress, millis, note));
        ApplyOutcome outcome = planRunner.apply(changeId, ticket.revision(), ticket.plan(), ticket.baseline(), steps,
                ticket.start() == ApplyStart.RESUME);
        if (stopping) {
            // Cancelled by shutdown: the transaction rolled back and the change stays APPLYING,
            // to be resumed by the next start rather than recorded as failed.
            log.info("shutdown interrupted the apply of change {}; it will resume at the next start", changeId);
            return;
        }
        if (outcome.error() != null && outcome.error().meansServerUnreachable()) {
            waitForTarget(changeId, ticket.target(), outcome);
            return;
        }
        unreachableTries.remove(changeId);
        log.info("change {}: {} in {} ms", changeId, outcome.result(), outcome.durationMillis());
        commandGateway.sendAndWait(new RecordApplyOutcomeCommand(changeId, outcome.error(), outcome.durationMillis(), outcome.note(),
                outcome.drift()));
    }

    /**
     * The target could not be reached, or went away mid-apply: nothing is marked applied or failed.
     * The change stays applying (the wait recorded on it once) and is tried again, sooner at first
     * (1 s, doubling to 15 s); a commit that was in flight is found in the target's ledger then.
     */
    private void waitForTarget(ChangeId changeId, TargetId target, ApplyOutcome outcome) {
        int tries = unreachableTries.merge(changeId, 1, Integer::sum);
        long delayMillis = Math.min(15_000L, 1_000L << Math.min(tries - 1, 4));
        log.warn("change {}: target {} cannot be reached ({} {}); trying again in {} ms", changeId, target,
                outcome.error().sqlState(), outcome.error().message(), delayMillis);
        commandGateway.sendAndWait(new RecordApplyWaitingCommand(changeId, outcome.error()));
        retries.schedule(() -> handle(new ExecuteChangeCommand(changeId)), delayMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        retries.shutdownNow();
        dispatcher.shutdown();
        workers.values().forEach(ExecutorService::shutdown);
        targets.cancelRunning();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ExecutorService worker : workers.values()) {
            if (!worker.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                worker.shutdownNow();
            }
        }
        dispatcher.shutdownNow();
    }
}
