package dev.planetary.command.change;

import dev.planetary.command.target.PlanRunner;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.command.ProposeChangeCommand;
import dev.planetary.kernel.change.command.RecordDryRunCommand;
import dev.planetary.kernel.change.command.ReviseChangeCommand;
import dev.planetary.kernel.spec.ChangeSpec;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.util.function.Supplier;

/**
 * Proposing or revising a change: the aggregate records it, then its plan is dry-run on the target
 * and the outcome is recorded as an event, all before the caller gets an answer.
 */
@Service
public class ChangeProposals {

    private final CommandGateway commandGateway;
    private final PlanRunner planRunner;
    private final Supplier<ChangeId> ids;

    public ChangeProposals(CommandGateway commandGateway, PlanRunner planRunner, Supplier<ChangeId> changeIds) {
        this.commandGateway = commandGateway;
        this.planRunner = planRunner;
        this.ids = changeIds;
    }

    public ChangeId propose(String title, ChangeSpec spec, String requester) {
        ChangeId changeId = ids.get();
        commandGateway.sendAndWait(new ProposeChangeCommand(changeId, title, spec, requester));
        dryRun(changeId, 1, spec);
        return changeId;
    }

    public void revise(ChangeId changeId, String title, ChangeSpec spec, String revisedBy) {
        int revision = commandGateway.sendAndWait(new ReviseChangeCommand(changeId, title, spec, revisedBy));
        dryRun(changeId, revision, spec);
    }

    private void dryRun(ChangeId changeId, int revision, ChangeSpec spec) {
        DryRunOutcome outcome = planRunner.dryRun(spec.plan());
        commandGateway.sendAndWait(new RecordDryRunCommand(changeId, revision, outcome));
    }
}
