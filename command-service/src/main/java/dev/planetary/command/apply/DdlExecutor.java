package dev.planetary.command.apply;

import dev.planetary.command.target.PlanRunner.ApplyOutcome;
import dev.planetary.command.target.PlanRunner;
import dev.planetary.command.target.StepListener;
import dev.planetary.kernel.change.ApplyStart;
import dev.planetary.kernel.change.ApplyTicket;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.command.BeginApplyCommand;
import dev.planetary.kernel.change.command.ExecuteChangeCommand;
import dev.planetary.kernel.change.command.RecordApplyOutcomeCommand;
import dev.planetary.kernel.change.command.RecordStepCommand;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Applies approved changes, one at a time, on a worker thread of its own: the command returns at
 * once, so no DDL runs inside the saga's unit of work, and a long lock wait holds up nothing else.
 * Every step is safe to repeat: the aggregate answers DONE for a change with an outcome, and the
 * ledger in {@link PlanRunner} keeps a committed plan from running twice.
 */
@Component
public class DdlExecutor {

    private static final Logger log = LoggerFactory.getLogger(DdlExecutor.class);

    private final CommandGateway commandGateway;
    private final PlanRunner planRunner;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "planetary-apply");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<ChangeId> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public DdlExecutor(CommandGateway commandGateway, PlanRunner planRunner) {
        this.commandGateway = commandGateway;
        this.planRunner = planRunner;
    }

    @CommandHandler
    public void handle(ExecuteChangeCommand command) {
        ChangeId changeId = command.changeId();
        if (stopping || !inFlight.add(changeId)) {
            return; // already queued or running; the reconciler picks it up after a restart
        }
        worker.submit(() -> {
            try {
                apply(changeId);
            } catch (RuntimeException e) {
                log.error("could not apply change {}: {}", changeId, e.toString());
            } finally {
                inFlight.remove(changeId);
            }
        });
    }

    /** Whether the change is queued or being applied here now (what a restart or a redelivery waits out). */
    public boolean busyWith(ChangeId changeId) {
        return inFlight.contains(changeId);
    }

    private void apply(ChangeId changeId) {
        ApplyTicket ticket = commandGateway.sendAndWait(new BeginApplyCommand(changeId));
        if (ticket.start() == ApplyStart.DONE) {
            return;
        }
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
        log.info("change {}: {} in {} ms", changeId, outcome.result(), outcome.durationMillis());
        commandGateway.sendAndWait(new RecordApplyOutcomeCommand(changeId, outcome.error(), outcome.durationMillis(), outcome.note(),
                outcome.drift()));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        planRunner.cancelRunning();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
