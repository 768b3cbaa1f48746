package dev.planetary.command.change;

import dev.planetary.command.target.PlanRunner;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.command.ProposeChangeCommand;
import dev.planetary.kernel.change.command.RecordDryRunCommand;
import dev.planetary.kernel.change.command.ReviseChangeCommand;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.change.command.ApproveChangeCommand;
import dev.planetary.kernel.change.command.RejectChangeCommand;
import dev.planetary.kernel.change.command.WithdrawChangeCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.function.Supplier;

/**
 * What people do with changes, for the REST API and the UI alike, with the rights checked here
 * ({@code @PreAuthorize}) whatever a screen shows. Proposing or revising records the change, then
 * dry-runs its plan on the target and records the outcome, all before the caller gets an answer.
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

    @PreAuthorize("hasRole('REQUESTER')")
    public ChangeId propose(String title, ChangeSpec spec, String requester) {
        ChangeId changeId = ids.get();
        commandGateway.sendAndWait(new ProposeChangeCommand(changeId, title, spec, requester));
        dryRun(changeId, 1, spec);
        return changeId;
    }

    @PreAuthorize("hasRole('REQUESTER')")
    public void revise(ChangeId changeId, String title, ChangeSpec spec, String revisedBy) {
        int revision = commandGateway.sendAndWait(new ReviseChangeCommand(changeId, title, spec, revisedBy));
        dryRun(changeId, revision, spec);
    }

    @PreAuthorize("hasRole('REVIEWER')")
    public void approve(ChangeId changeId, String reviewer, String comment) {
        commandGateway.sendAndWait(new ApproveChangeCommand(changeId, reviewer, comment));
    }

    @PreAuthorize("hasRole('REVIEWER')")
    public void reject(ChangeId changeId, String reviewer, String reason) {
        commandGateway.sendAndWait(new RejectChangeCommand(changeId, reviewer, reason));
    }

    @PreAuthorize("hasRole('REQUESTER')")
    public void withdraw(ChangeId changeId, String requester, String reason) {
        commandGateway.sendAndWait(new WithdrawChangeCommand(changeId, requester, reason));
    }

    private void dryRun(ChangeId changeId, int revision, ChangeSpec spec) {
        DryRunOutcome outcome = planRunner.dryRun(spec.plan());
        commandGateway.sendAndWait(new RecordDryRunCommand(changeId, revision, outcome));
    }
}
