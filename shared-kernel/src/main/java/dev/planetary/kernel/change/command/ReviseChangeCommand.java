package dev.planetary.kernel.change.command;

import dev.planetary.kernel.identity.PersonCommand;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.spec.ChangeSpec;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** Replace a change's spec before it is approved; earlier approvals are void. */
public record ReviseChangeCommand(@TargetAggregateIdentifier ChangeId changeId, String title, ChangeSpec spec, String revisedBy) implements PersonCommand {

    @Override
    public String person() {
        return revisedBy;
    }

    @Override
    public Set<PlanetaryRight> rights() {
        return Set.of(PlanetaryRight.REQUESTER);
    }
}
