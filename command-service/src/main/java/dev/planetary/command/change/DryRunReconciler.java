package dev.planetary.command.change;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.query.ChangeIdList;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.change.query.FindChangesAwaitingDryRunQuery;
import jakarta.annotation.PreDestroy;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Runs again the dry-runs that went quiet: a proposal recorded but its dry-run never recorded (the
 * process stopped in between, or the processor's handler failed and moved on). Without it such a
 * change would wait for ever, since it cannot be approved before its dry-run passes. At start it
 * takes every pending one; then, periodically, those quiet for {@code planetary.dry-run.resume-after}
 * (a dry-run still running elsewhere is then only run twice, which records one outcome).
 */
@Component
public class DryRunReconciler {

    private static final Logger log = LoggerFactory.getLogger(DryRunReconciler.class);

    private final QueryGateway queries;
    private final DryRuns dryRuns;
    private final Clock clock;
    private final Duration quietFor;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "planetary-dry-run-reconciler");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore round = new Semaphore(1);

    public DryRunReconciler(QueryGateway queries, DryRuns dryRuns, Clock clock,
                            @Value("${planetary.dry-run.resume-after:PT2M}") Duration quietFor) {
        this.queries = queries;
        this.dryRuns = dryRuns;
        this.clock = clock;
        this.quietFor = quietFor;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        inBackground(Duration.ZERO);
    }

    @Scheduled(fixedDelayString = "${planetary.dry-run.reconcile-every:PT30S}", initialDelayString = "${planetary.dry-run.reconcile-every:PT30S}")
    public void periodically() {
        inBackground(quietFor);
    }

    /** A dry-run may take minutes: neither the start nor the shared scheduler thread waits for it; one round at a time. */
    private void inBackground(Duration quiet) {
        if (round.tryAcquire()) {
            worker.execute(() -> {
                try {
                    resume(quiet);
                } finally {
                    round.release();
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public void resume(Duration quiet) {
        try {
            ChangeIdList pending = queries.query(new FindChangesAwaitingDryRunQuery(clock.instant().minus(quiet)),
                    ChangeIdList.class).join();
            for (ChangeId changeId : pending.ids()) {
                ChangeView change = queries.query(new FindChangeQuery(changeId), ChangeView.class).join();
                if (change != null && change.spec() != null) {
                    log.info("resuming the dry-run of change {} revision {}", changeId, change.revision());
                    dryRuns.dryRun(changeId, change.target(), change.revision(), change.spec().plan());
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not look for dry-runs to resume: {}", e.toString());
        }
    }
}
