package dev.planetary.command.apply;

import dev.planetary.kernel.change.command.ExecuteChangeCommand;
import dev.planetary.kernel.change.event.ChangeAppliedEvent;
import dev.planetary.kernel.change.query.ChangeIdList;
import dev.planetary.kernel.change.query.FindWaitingAfterQuery;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Keeps a batch promotion in its order: when a change is applied, the approved change that waited
 * for it (the next in the batch) is handed to the executor. A change approved after the one before
 * it was applied goes through its saga as usual; the reconciler catches any left over.
 */
@Component
@ProcessingGroup(AppliesAfter.GROUP)
@DisallowReplay
public class AppliesAfter {

    public static final String GROUP = "applies-after";

    private final QueryGateway queries;
    private final CommandGateway commands;

    public AppliesAfter(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @EventHandler
    void on(ChangeAppliedEvent event) {
        queries.query(new FindWaitingAfterQuery(event.changeId()), ChangeIdList.class).join().ids()
                .forEach(next -> commands.send(new ExecuteChangeCommand(next)));
    }
}
