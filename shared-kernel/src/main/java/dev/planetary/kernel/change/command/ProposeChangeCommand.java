package dev.planetary.kernel.change.command;

import dev.planetary.kernel.identity.PersonCommand;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.spec.ChangeSpec;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** Ask for a change to the database layer. {@code title} may be null: the plan's summary is used. */
public record ProposeChangeCommand(@TargetAggregateIdentifier ChangeId changeId, String title, ChangeSpec spec, String requester) implements PersonCommand {

    @Override
    public String person() {
        return requester;
    }

    @Override
    public Set<PlanetaryRight> rights() {
        return Set.of(PlanetaryRight.REQUESTER);
    }
}
