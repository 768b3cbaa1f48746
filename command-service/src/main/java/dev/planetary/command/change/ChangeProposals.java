package dev.planetary.command.change;

import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeNotFoundException;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.command.ApproveChangeCommand;
import dev.planetary.kernel.change.command.PromoteChangeCommand;
import dev.planetary.kernel.change.command.PromoteChangesCommand;
import dev.planetary.kernel.change.command.ProposeChangeCommand;
import dev.planetary.kernel.change.command.RejectChangeCommand;
import dev.planetary.kernel.change.command.ReviseChangeCommand;
import dev.planetary.kernel.change.command.RollOutChangeCommand;
import dev.planetary.kernel.change.command.SubmitProposalCommand;
import dev.planetary.kernel.change.command.SubmitRevisionCommand;
import dev.planetary.kernel.change.command.WithdrawChangeCommand;
import dev.planetary.kernel.change.query.ChangeList;
import dev.planetary.kernel.change.query.ChangeQueries;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.CompleteSpecQuery;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.change.query.FindPromotionsQuery;
import dev.planetary.kernel.compare.CompareMessages.CompareTargetsQuery;
import dev.planetary.kernel.compare.CompareMessages.ProposeAlikeCommand;
import dev.planetary.kernel.compare.CompareMessages.TargetComparison;
import dev.planetary.kernel.compare.CompareMessages;
import dev.planetary.kernel.request.RequestKey;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * What people do with changes: the REST API calls it, the UI sends it {@link SubmitProposalCommand},
 * {@link SubmitRevisionCommand} and {@link CompleteSpecQuery} through Axon's gateways. Rights are
 * checked here ({@code @PreAuthorize}) and again for every marked message on the buses
 * ({@link PersonRights}), whatever a screen shows. Proposing or revising completes the spec with
 * what Planetary reads from the catalog and records it; {@link DryRuns} dry-runs it once that is
 * committed, and {@link #propose}/{@link #revise} wait for that outcome before they answer
 * ({@link ChangeQueries#DRY_RUN_WAIT} at most; after that the change is answered with its dry-run pending).
 */
@Service
public class ChangeProposals {

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final Supplier<ChangeId> ids;
    private final SpecFacts specFacts;
    private final DdlTargets targets;
    private final EventStore eventStore;

    public ChangeProposals(CommandGateway commandGateway, QueryGateway queryGateway, Supplier<ChangeId> changeIds,
                           SpecFacts specFacts, DdlTargets targets, EventStore eventStore) {
        this.eventStore = eventStore;
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.ids = changeIds;
        this.specFacts = specFacts;
        this.targets = targets;
    }

    /**
     * The spec as it will be recorded, with what Planetary reads from the catalog filled in: what
     * a proposal form previews before anything is proposed.
     */
    @PreAuthorize("hasRole('REQUESTER')")
    public ChangeSpec complete(TargetId target, ChangeSpec spec) {
        ChangeSpec complete = specFacts.complete(targets.get(target).id(), spec);
        DriverSplitCheck.require(complete);
        return complete;
    }

    @QueryHandler
    public ChangeSpec handle(CompleteSpecQuery query) {
        return complete(query.target(), query.spec());
    }

    /**
     * Records the proposal; its dry-run follows once it is committed. Sent again with the key of a
     * request that recorded it already, it records nothing and answers the same change.
     */
    @CommandHandler
    public ChangeId handle(SubmitProposalCommand command, MetaData metaData) {
        ChangeId changeId = newChangeId(metaData, 0);
        if (recorded(changeId)) {
            return changeId;
        }
        TargetId target = targets.get(command.target()).id(); // refuses a target Planetary does not manage
        ChangeSpec complete = complete(target, command.spec());
        commandGateway.sendAndWait(new ProposeChangeCommand(changeId, target, command.title(), complete,
                command.requester()));
        return changeId;
    }

    /** The {@code n}th change a request creates: derived from its key when it has one, so that a retry finds it. */
    private ChangeId newChangeId(MetaData metaData, int n) {
        return RequestKey.in(metaData).map(key -> ChangeId.of(key.derivedId("change", n))).orElseGet(ids);
    }

    private boolean recorded(ChangeId changeId) {
        return eventStore.lastSequenceNumberFor(changeId.value()).isPresent();
    }

    /**
     * Proposes an applied change again on another target, with the same spec completed with that
     * target's facts; its dry-run follows once it is committed. Answers the new change's id.
     */
    @CommandHandler
    public ChangeId handle(PromoteChangeCommand command, MetaData metaData) {
        ChangeId changeId = newChangeId(metaData, 0);
        if (recorded(changeId)) {
            return changeId;
        }
        ChangeView origin = promotable(find(command.changeId()), command.target());
        return propose(changeId, origin, targets.get(command.target()).id(), command.requester(), null);
    }

    private ChangeView find(ChangeId changeId) {
        ChangeView change = queryGateway.query(new FindChangeQuery(changeId), ChangeView.class).join();
        if (change == null) {
            throw new ChangeNotFoundException(changeId.value());
        }
        return change;
    }

    /** {@code origin}, when it is an applied change that may go to the target: not applied there already, nor open there in its chain. */
    private ChangeView promotable(ChangeView origin, TargetId to) {
        ChangeId changeId = ChangeId.of(origin.id());
        TargetId target = targets.get(to).id();
        if (origin.status() != ChangeStatus.APPLIED) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.WRONG_STATE, "change " + changeId + " is "
                    + origin.status().name().toLowerCase() + ": only an applied change can be promoted");
        }
        if (origin.target().equals(target)) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "change " + changeId + " was applied on " + target
                    + " already: promote it to another target", "target");
        }
        queryGateway.query(new FindPromotionsQuery(changeId), ChangeList.class).join().changes().stream()
                .filter(other -> other.target().equals(target) && other.status() != ChangeStatus.REJECTED
                        && other.status() != ChangeStatus.WITHDRAWN && other.status() != ChangeStatus.FAILED)
                .findFirst().ifPresent(other -> {
                    throw new ChangeRuleViolation(ChangeRuleViolation.Code.WRONG_STATE, "change " + changeId + " is on " + target
                            + " already (change " + other.id() + ", " + other.status().name().toLowerCase() + ")");
                });
        return origin;
    }

    /** The origin's spec proposed on the target, completed with its facts there, after {@code appliesAfter} when given. */
    private ChangeId propose(ChangeId changeId, ChangeView origin, TargetId target, String requester, ChangeId appliesAfter) {
        ChangeSpec complete = complete(target, origin.spec());
        commandGateway.sendAndWait(new ProposeChangeCommand(changeId, target, origin.title(), complete, requester,
                ChangeId.of(origin.id()), appliesAfter));
        return changeId;
    }

    /**
     * Promotes several applied changes to one target, in the order they were applied: each new change
     * names the one before it, and is applied only after it ({@code DdlExecutor}).
     */
    @CommandHandler
    public List<ChangeId> handle(PromoteChangesCommand command, MetaData metaData) {
        if (command.changeIds().isEmpty()) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name the changes to promote", "changes");
        }
        List<ChangeView> origins = new ArrayList<>();
        for (ChangeId id : command.changeIds()) {
            origins.add(find(id));
        }
        origins.sort(Comparator.comparing(ChangeView::updatedAt).thenComparing(ChangeView::proposedAt));
        List<ChangeId> ids = new ArrayList<>();
        for (int n = 0; n < origins.size(); n++) {
            ids.add(newChangeId(metaData, n));
            if (!recorded(ids.get(n))) {
                promotable(origins.get(n), command.target()); // all are checked before any is proposed
            }
        }
        List<ChangeId> promoted = new ArrayList<>();
        ChangeId previous = null;
        for (int n = 0; n < origins.size(); n++) {
            // a retry of a request cut short goes on where it stopped
            previous = recorded(ids.get(n)) ? ids.get(n) : propose(ids.get(n), origins.get(n),
                    targets.get(command.target()).id(), command.requester(), previous);
            promoted.add(previous);
        }
        return promoted;
    }

    @PreAuthorize("hasRole('REQUESTER')")
    public List<ChangeId> promoteAll(List<ChangeId> changeIds, TargetId target, String requester, RequestKey key) {
        List<ChangeId> promoted = commandGateway.sendAndWait(keyed(key, new PromoteChangesCommand(changeIds, target, requester)));
        for (ChangeId changeId : promoted) {
            ChangeQueries.awaitDryRun(queryGateway, changeId, 1, ChangeQueries.DRY_RUN_WAIT);
        }
        return promoted;
    }

    /**
     * Proposes on B the changes that make the named objects like they are on A, one change each (as
     * the comparison suggests them), in the comparison's order; answers the new changes' ids.
     */
    @CommandHandler
    public List<ChangeId> handle(ProposeAlikeCommand command, MetaData metaData) {
        TargetId like = targets.get(command.like()).id();
        TargetId target = targets.get(command.target()).id();
        if (command.objects().isEmpty()) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "choose the objects to make alike", "objects");
        }
        TargetComparison comparison = queryGateway.query(new CompareTargetsQuery(like, target), TargetComparison.class).join();
        List<CompareMessages.Proposal> chosen = comparison.proposals().stream()
                .filter(proposal -> command.objects().stream().anyMatch(proposal::chosenBy)).toList();
        List<String> unknown = command.objects().stream()
                .filter(object -> chosen.stream().noneMatch(proposal -> proposal.chosenBy(object))).toList();
        if (!unknown.isEmpty()) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "no change is suggested for " + String.join(", ", unknown)
                    + ": it does not differ, or no kind of change can express the difference yet", "objects");
        }
        List<ChangeId> proposed = new ArrayList<>();
        for (CompareMessages.Proposal proposal : chosen) {
            ChangeId changeId = newChangeId(metaData, proposed.size());
            if (recorded(changeId)) {
                proposed.add(changeId);
                continue;
            }
            ChangeSpec complete = complete(target, proposal.spec());
            commandGateway.sendAndWait(new ProposeChangeCommand(changeId, target, "Make " + target + " like " + like + ": "
                    + complete.plan().summary(), complete, command.requester()));
            proposed.add(changeId);
        }
        return proposed;
    }

    @PreAuthorize("hasRole('REQUESTER')")
    public List<ChangeId> proposeAlike(TargetId like, TargetId target, List<String> objects, String requester, RequestKey key) {
        List<ChangeId> proposed = commandGateway.sendAndWait(keyed(key, new ProposeAlikeCommand(like, target, objects, requester)));
        for (ChangeId changeId : proposed) {
            ChangeQueries.awaitDryRun(queryGateway, changeId, 1, ChangeQueries.DRY_RUN_WAIT);
        }
        return proposed;
    }

    @PreAuthorize("hasRole('REQUESTER')")
    public ChangeId promote(ChangeId changeId, TargetId target, String requester, RequestKey key) {
        ChangeId promoted = commandGateway.sendAndWait(keyed(key, new PromoteChangeCommand(changeId, target, requester)));
        ChangeQueries.awaitDryRun(queryGateway, promoted, 1, ChangeQueries.DRY_RUN_WAIT);
        return promoted;
    }

    /** Records the revision and answers its number; its dry-run follows once it is committed. */
    @CommandHandler
    public int handle(SubmitRevisionCommand command, MetaData metaData) {
        ChangeSpec complete = complete(targetOf(command.changeId()), command.spec());
        return commandGateway.sendAndWait(keyed(RequestKey.in(metaData).orElse(null),
                new ReviseChangeCommand(command.changeId(), command.title(), complete, command.revisedBy())));
    }

    @PreAuthorize("hasRole('REQUESTER')")
    public ChangeId propose(TargetId target, String title, ChangeSpec spec, String requester, RequestKey key) {
        ChangeId changeId = commandGateway.sendAndWait(keyed(key, new SubmitProposalCommand(targets.get(target).id(), title, spec,
                requester)));
        ChangeQueries.awaitDryRun(queryGateway, changeId, 1, ChangeQueries.DRY_RUN_WAIT);
        return changeId;
    }

    @PreAuthorize("hasRole('REQUESTER')")
    public void revise(ChangeId changeId, String title, ChangeSpec spec, String revisedBy, RequestKey key) {
        int revision = commandGateway.sendAndWait(keyed(key, new SubmitRevisionCommand(changeId, title, spec, revisedBy)));
        ChangeQueries.awaitDryRun(queryGateway, changeId, revision, ChangeQueries.DRY_RUN_WAIT);
    }

    @PreAuthorize("hasRole('REVIEWER')")
    public void approve(ChangeId changeId, String reviewer, String comment, Integer revision, RequestKey key) {
        commandGateway.sendAndWait(keyed(key, new ApproveChangeCommand(changeId, reviewer, comment, revision)));
    }

    @PreAuthorize("hasRole('REVIEWER')")
    public void reject(ChangeId changeId, String reviewer, String reason, RequestKey key) {
        commandGateway.sendAndWait(keyed(key, new RejectChangeCommand(changeId, reviewer, reason)));
    }

    @PreAuthorize("hasRole('OPERATOR')")
    public void rollOut(ChangeId changeId, String operator, RequestKey key) {
        commandGateway.sendAndWait(keyed(key, new RollOutChangeCommand(changeId, operator)));
    }

    @PreAuthorize("hasRole('REQUESTER')")
    public void withdraw(ChangeId changeId, String requester, String reason, RequestKey key) {
        commandGateway.sendAndWait(keyed(key, new WithdrawChangeCommand(changeId, requester, reason)));
    }

    /** The command, with the request's key when there is one (see {@link RequestKey}). */
    private static Object keyed(RequestKey key, Object command) {
        return key == null ? command : key.on(command);
    }

    /** A revision is completed against the target its change was proposed on. */
    private TargetId targetOf(ChangeId changeId) {
        ChangeView change = queryGateway.query(new FindChangeQuery(changeId), ChangeView.class).join();
        if (change == null) {
            throw new ChangeNotFoundException(changeId.value());
        }
        return change.target();
    }
}
