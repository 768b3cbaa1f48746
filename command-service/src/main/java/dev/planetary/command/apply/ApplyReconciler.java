package dev.planetary.command.apply;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.command.ExecuteChangeCommand;
import dev.planetary.kernel.change.query.ChangeIdList;
import dev.planetary.kernel.change.query.FindChangesAwaitingApplyQuery;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

/**
 * Finds approved or applying changes that have gone quiet (the process stopped mid-apply, or
 * before the executor picked the change up) and hands them to the executor again. Safe because
 * applying is idempotent (see {@link DdlExecutor}).
 */
@Component
public class ApplyReconciler {

    private static final Logger log = LoggerFactory.getLogger(ApplyReconciler.class);

    private final QueryGateway queryGateway;
    private final CommandGateway commandGateway;
    private final Clock clock;
    private final Duration quietFor;

    public ApplyReconciler(QueryGateway queryGateway, CommandGateway commandGateway, Clock clock,
                           @Value("${planetary.apply.resume-after:PT30S}") Duration quietFor) {
        this.queryGateway = queryGateway;
        this.commandGateway = commandGateway;
        this.clock = clock;
        this.quietFor = quietFor;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        resume(Duration.ZERO);
    }

    @Scheduled(fixedDelayString = "${planetary.apply.reconcile-every:PT15S}", initialDelayString = "${planetary.apply.reconcile-every:PT15S}")
    public void periodically() {
        resume(quietFor);
    }

    void resume(Duration quiet) {
        try {
            ChangeIdList stuck = queryGateway.query(new FindChangesAwaitingApplyQuery(clock.instant().minus(quiet)),
                    ChangeIdList.class).join();
            for (ChangeId changeId : stuck.ids()) {
                log.info("resuming the apply of change {}", changeId);
                commandGateway.send(new ExecuteChangeCommand(changeId));
            }
        } catch (RuntimeException e) {
            log.warn("could not look for changes to resume: {}", e.toString());
        }
    }
}
