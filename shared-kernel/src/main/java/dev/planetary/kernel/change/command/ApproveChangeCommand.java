package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A reviewer approves. {@code revision} is the revision they read: when the requester revised the
 * change meanwhile, the approval is refused rather than given to a revision nobody reviewed
 * ({@code null}: whatever revision is current, for clients that do not say).
 */
@RequiresRight(PlanetaryRight.REVIEWER)
public record ApproveChangeCommand(@TargetAggregateIdentifier ChangeId changeId, @ActsFor String reviewer, String comment,
                                   Integer revision) {

    public ApproveChangeCommand(ChangeId changeId, String reviewer, String comment) {
        this(changeId, reviewer, comment, null);
    }
}
