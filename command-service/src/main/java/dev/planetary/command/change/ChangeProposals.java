package dev.planetary.command.change;

import dev.planetary.command.target.PlanRunner;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.command.ApproveChangeCommand;
import dev.planetary.kernel.change.command.ProposeChangeCommand;
import dev.planetary.kernel.change.command.RecordDryRunCommand;
import dev.planetary.kernel.change.command.RejectChangeCommand;
import dev.planetary.kernel.change.command.ReviseChangeCommand;
import dev.planetary.kernel.change.command.SubmitProposalCommand;
import dev.planetary.kernel.change.command.SubmitRevisionCommand;
import dev.planetary.kernel.change.command.WithdrawChangeCommand;
import dev.planetary.kernel.change.query.CompleteSpecQuery;
import dev.planetary.kernel.spec.ChangeSpec;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.function.Supplier;

/**
 * What people do with changes: the REST API calls it, the UI sends it {@link SubmitProposalCommand},
 * {@link SubmitRevisionCommand} and {@link CompleteSpecQuery} through Axon's gateways. Rights are
 * checked here ({@code @PreAuthorize}) and again for every person's command on the bus
 * ({@link PersonRights}), whatever a screen shows. Proposing or revising records the change, then
 * dry-runs its plan on the target and records the outcome, all before the caller gets an answer:
 * the commands it sends run inside the submitting command's unit of work, so the proposal and its
 * dry-run outcome are stored together.
 */
@Service
public class ChangeProposals {

    private final CommandGateway commandGateway;
    private final PlanRunner planRunner;
    private final Supplier<ChangeId> ids;
    private final SpecFacts specFacts;

    public ChangeProposals(CommandGateway commandGateway, PlanRunner planRunner, Supplier<ChangeId> changeIds,
                           SpecFacts specFacts) {
        this.commandGateway = commandGateway;
        this.planRunner = planRunner;
        this.ids = changeIds;
        this.specFacts = specFacts;
    }

    /**
     * The spec as it will be recorded, with what Planetary reads from the catalog filled in: what
     * a proposal form previews before anything is proposed.
     */
    @PreAuthorize("hasRole('REQUESTER')")
    public ChangeSpec complete(ChangeSpec spec) {
        ChangeSpec complete = specFacts.complete(spec);
        DriverSplitCheck.require(complete);
        return complete;
    }

    @QueryHandler
    public ChangeSpec handle(CompleteSpecQuery query) {
        return complete(query.spec());
    }

    @CommandHandler
    public ChangeId handle(SubmitProposalCommand command) {
        return propose(command.title(), command.spec(), command.requester());
    }

    @CommandHandler
    public void handle(SubmitRevisionCommand command) {
        revise(command.changeId(), command.title(), command.spec(), command.revisedBy());
    }

    @PreAuthorize("hasRole('REQUESTER')")
    public ChangeId propose(String title, ChangeSpec spec, String requester) {
        ChangeSpec complete = complete(spec);
        ChangeId changeId = ids.get();
        commandGateway.sendAndWait(new ProposeChangeCommand(changeId, title, complete, requester));
        dryRun(changeId, 1, complete);
        return changeId;
    }

    @PreAuthorize("hasRole('REQUESTER')")
    public void revise(ChangeId changeId, String title, ChangeSpec spec, String revisedBy) {
        ChangeSpec complete = complete(spec);
        int revision = commandGateway.sendAndWait(new ReviseChangeCommand(changeId, title, complete, revisedBy));
        dryRun(changeId, revision, complete);
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
