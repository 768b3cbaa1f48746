package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask for a change to the database layer. {@code title} may be null: the plan's summary is used.
 * {@code promotedFrom}: the applied change on another target this one repeats (null: a change of its own);
 * {@code appliesAfter}: a change this one is not applied before (the one before it in a batch promotion).
 */
@RequiresRight(PlanetaryRight.REQUESTER)
public record ProposeChangeCommand(@TargetAggregateIdentifier ChangeId changeId, TargetId target, String title, ChangeSpec spec,
                                   @ActsFor String requester, ChangeId promotedFrom, ChangeId appliesAfter) {


    public ProposeChangeCommand(ChangeId changeId, TargetId target, String title, ChangeSpec spec, String requester) {
        this(changeId, target, title, spec, requester, null, null);
    }
}
