package dev.planetary.command.api;

import dev.planetary.command.change.ChangeProposals;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeNotFoundException;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.query.ChangeQueries;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.request.RequestKey;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Web requests for schema changes. Rights are checked by {@link ChangeProposals} (the same checks
 * the UI gets); the aggregate checks the rules of the change itself (no self-approval, right state).
 * Each endpoint answers with the change as the read model shows it after the command.
 */
@RestController
@RequestMapping("/api/changes")
public class ChangeCommandController {

    /** How long an answer waits for the read model to show the caller's own write. */
    private static final java.time.Duration READ_YOUR_WRITES = java.time.Duration.ofSeconds(10);

    private final ChangeProposals proposals;
    private final QueryGateway queryGateway;
    private final EventStore eventStore;

    public ChangeCommandController(ChangeProposals proposals, QueryGateway queryGateway, EventStore eventStore) {
        this.proposals = proposals;
        this.queryGateway = queryGateway;
        this.eventStore = eventStore;
    }

    @PostMapping
    public ResponseEntity<ChangeView> propose(@RequestBody ChangeRequests.Proposal proposal, Authentication user, RequestKey key) {
        if (proposal == null || proposal.spec() == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "spec is required", "spec");
        }
        TargetId target = TargetParameter.parse(proposal.target());
        ChangeId changeId = inSpec(() -> proposals.propose(target, proposal.title(), proposal.spec(), user.getName(), key));
        return ResponseEntity.created(URI.create("/api/changes/" + changeId)).body(current(changeId));
    }

    @PostMapping("/{id}/revisions")
    public ChangeView revise(@PathVariable String id, @RequestBody ChangeRequests.Proposal revision, Authentication user,
                             RequestKey key) {
        if (revision == null || revision.spec() == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "spec is required", "spec");
        }
        ChangeId changeId = ChangeId.of(id);
        inSpec(() -> {
            proposals.revise(changeId, revision.title(), revision.spec(), user.getName(), key);
            return changeId;
        });
        return current(changeId);
    }

    @PostMapping("/{id}/approvals")
    public ChangeView approve(@PathVariable String id, @RequestBody(required = false) ChangeRequests.Review review,
                              Authentication user, RequestKey key) {
        ChangeId changeId = ChangeId.of(id);
        proposals.approve(changeId, user.getName(), review == null ? null : review.comment(),
                review == null ? null : review.revision(), key);
        return current(changeId);
    }

    @PostMapping("/{id}/rejections")
    public ChangeView reject(@PathVariable String id, @RequestBody(required = false) ChangeRequests.Rejection rejection,
                             Authentication user, RequestKey key) {
        ChangeId changeId = ChangeId.of(id);
        proposals.reject(changeId, user.getName(), rejection == null ? null : rejection.reason(), key);
        return current(changeId);
    }

    /** Proposes an applied change again on another target ({@code {"target": "staging"}}), linked to it; answers the new change. */
    @PostMapping("/{id}/promotions")
    public ResponseEntity<ChangeView> promote(@PathVariable String id, @RequestBody(required = false) ChangeRequests.Promotion promotion,
                                              Authentication user, RequestKey key) {
        TargetId target = promotion == null ? null : TargetParameter.parse(promotion.target());
        if (target == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name the target to promote the change to", "target");
        }
        ChangeId promoted = inSpec(() -> proposals.promote(ChangeId.of(id), target, user.getName(), key));
        return ResponseEntity.created(URI.create("/api/changes/" + promoted)).body(current(promoted));
    }

    /**
     * Promotes several applied changes to one target ({@code {"changes": [...], "target": "staging"}}) in
     * the order they were applied; each is applied there only after the one before it. Answers the new changes.
     */
    @PostMapping("/promotions")
    public ResponseEntity<List<ChangeView>> promoteAll(@RequestBody(required = false) ChangeRequests.BatchPromotion batch,
                                                       Authentication user, RequestKey key) {
        TargetId target = batch == null ? null : TargetParameter.parse(batch.target());
        if (target == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name the target to promote the changes to", "target");
        }
        if (batch.changes() == null || batch.changes().isEmpty()) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name the changes to promote", "changes");
        }
        List<ChangeId> promoted = inSpec(() -> proposals.promoteAll(batch.changes().stream().map(ChangeId::of).toList(), target,
                user.getName(), key));
        return ResponseEntity.status(201).body(promoted.stream().map(this::current).toList());
    }

    /**
     * Proposes on {@code target} the changes that make the chosen {@code objects} (named as the comparison
     * names them) like they are on {@code like}: {@code {"like": "dev", "target": "staging", "objects": [...]}}.
     */
    @PostMapping("/alike")
    public ResponseEntity<List<ChangeView>> proposeAlike(@RequestBody(required = false) ChangeRequests.Alike alike,
                                                         Authentication user, RequestKey key) {
        if (alike == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name like, target and objects", "target");
        }
        TargetId like = TargetParameter.parse(alike.like());
        TargetId target = TargetParameter.parse(alike.target());
        if (like == null || target == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name both targets", like == null ? "like" : "target");
        }
        List<ChangeId> proposed = inSpec(() -> proposals.proposeAlike(like, target, alike.objects() == null ? List.of()
                : alike.objects(), user.getName(), key));
        return ResponseEntity.status(201).body(proposed.stream().map(this::current).toList());
    }

    /** An operator applies an approved change that waits for them (its environment's rollout is by an operator). */
    @PostMapping("/{id}/rollout")
    public ChangeView rollOut(@PathVariable String id, Authentication user, RequestKey key) {
        ChangeId changeId = ChangeId.of(id);
        proposals.rollOut(changeId, user.getName(), key);
        return current(changeId);
    }

    @PostMapping("/{id}/withdrawal")
    public ChangeView withdraw(@PathVariable String id, @RequestBody(required = false) ChangeRequests.Withdrawal withdrawal,
                               Authentication user, RequestKey key) {
        ChangeId changeId = ChangeId.of(id);
        proposals.withdraw(changeId, user.getName(), withdrawal == null ? null : withdrawal.reason(), key);
        return current(changeId);
    }

    /** The read model once it has caught up with the last event of this change (read-your-writes). */
    private ChangeView current(ChangeId changeId) {
        long version = eventStore.lastSequenceNumberFor(changeId.value()).orElse(-1L);
        return ChangeQueries.await(queryGateway, changeId, version, READ_YOUR_WRITES)
                .orElseThrow(() -> new ChangeNotFoundException(changeId.value()));
    }

    /** A rule the spec breaks once its facts are read names the field inside the request's {@code spec}. */
    private static <T> T inSpec(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (SpecViolation e) {
            throw new SpecViolation("spec." + e.field(), e.getMessage());
        }
    }
}
