package dev.planetary.ui.review;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.command.ApproveChangeCommand;
import dev.planetary.kernel.change.command.PromoteChangeCommand;
import dev.planetary.kernel.change.command.PromoteChangesCommand;
import dev.planetary.kernel.change.command.RejectChangeCommand;
import dev.planetary.kernel.change.command.RollOutChangeCommand;
import dev.planetary.kernel.change.command.SubmitProposalCommand;
import dev.planetary.kernel.change.command.SubmitRevisionCommand;
import dev.planetary.kernel.change.command.WithdrawChangeCommand;
import dev.planetary.kernel.change.query.ChangeQueries;
import dev.planetary.kernel.change.query.CompleteSpecQuery;
import dev.planetary.kernel.compare.CompareMessages.ProposeAlikeCommand;
import dev.planetary.kernel.request.RequestKey;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.CurrentTarget;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * What the views do with changes, as the signed-in person, through Axon's gateways: the command
 * side checks the person's rights again for every command, whatever a screen showed. A refusal
 * (a rule of the change, a spec's field) reaches the view as the exception the handler threw.
 * Every command goes with the {@link RequestKey} of the form or button it comes from, made when
 * that was shown ({@link #newKey}): a second click, or a submit repeated after a lost answer,
 * takes effect once.
 */
@Component
public class ChangeCommands {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public ChangeCommands(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** A key for one form or one button, as it is shown to the signed-in person. */
    public static RequestKey newKey() {
        return RequestKey.fresh(CurrentUser.login());
    }

    /**
     * Proposes on the session's target (completed with what Planetary reads from its catalog) and waits for the dry-run,
     * which the command side runs once the proposal is committed: the change page opens on it.
     */
    public ChangeId propose(String title, ChangeSpec spec, RequestKey key) {
        ChangeId changeId = commands.sendAndWait(key.on(new SubmitProposalCommand(CurrentTarget.id(), title, spec, CurrentUser.login())));
        ChangeQueries.awaitDryRun(queries, changeId, 1, ChangeQueries.DRY_RUN_WAIT);
        return changeId;
    }

    public void revise(ChangeId changeId, String title, ChangeSpec spec, RequestKey key) {
        int revision = commands.sendAndWait(key.on(new SubmitRevisionCommand(changeId, title, spec, CurrentUser.login())));
        ChangeQueries.awaitDryRun(queries, changeId, revision, ChangeQueries.DRY_RUN_WAIT);
    }

    /** The spec as it would be recorded, with what Planetary reads from the catalog filled in. */
    public ChangeSpec complete(ChangeSpec spec) {
        try {
            return queries.query(new CompleteSpecQuery(CurrentTarget.id(), spec), ChangeSpec.class).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : e;
        }
    }

    /** Approves the revision the reviewer read: refused if the change was revised since. */
    public void approve(ChangeId changeId, int revision, String comment, RequestKey key) {
        commands.sendAndWait(key.on(new ApproveChangeCommand(changeId, CurrentUser.login(), comment, revision)));
    }

    public void reject(ChangeId changeId, String reason, RequestKey key) {
        commands.sendAndWait(key.on(new RejectChangeCommand(changeId, CurrentUser.login(), reason)));
    }

    /** Proposes an applied change again on another target and waits for its dry-run there; answers the new change. */
    public ChangeId promote(ChangeId changeId, TargetId target, RequestKey key) {
        ChangeId promoted = commands.sendAndWait(key.on(new PromoteChangeCommand(changeId, target, CurrentUser.login())));
        ChangeQueries.awaitDryRun(queries, promoted, 1, ChangeQueries.DRY_RUN_WAIT);
        return promoted;
    }

    /** Promotes applied changes to a target in the order they were applied; waits for their dry-runs there. */
    public List<ChangeId> promoteAll(List<ChangeId> changeIds, TargetId target, RequestKey key) {
        List<ChangeId> promoted = commands.sendAndWait(key.on(new PromoteChangesCommand(changeIds, target, CurrentUser.login())));
        promoted.forEach(changeId -> ChangeQueries.awaitDryRun(queries, changeId, 1, ChangeQueries.DRY_RUN_WAIT));
        return promoted;
    }

    /** Proposes on {@code target} the changes that make the objects like they are on {@code like}; waits for their dry-runs. */
    public List<ChangeId> proposeAlike(TargetId like, TargetId target, List<String> objects, RequestKey key) {
        List<ChangeId> proposed = commands.sendAndWait(key.on(new ProposeAlikeCommand(like, target, objects, CurrentUser.login())));
        proposed.forEach(changeId -> ChangeQueries.awaitDryRun(queries, changeId, 1, ChangeQueries.DRY_RUN_WAIT));
        return proposed;
    }

    public void rollOut(ChangeId changeId, RequestKey key) {
        commands.sendAndWait(key.on(new RollOutChangeCommand(changeId, CurrentUser.login())));
    }

    public void withdraw(ChangeId changeId, RequestKey key) {
        commands.sendAndWait(key.on(new WithdrawChangeCommand(changeId, CurrentUser.login(), null)));
    }
}
