package dev.planetary.kernel.change.command;

import dev.planetary.kernel.identity.PersonCommand;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.change.ChangeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

public record WithdrawChangeCommand(@TargetAggregateIdentifier ChangeId changeId, String withdrawnBy, String reason) implements PersonCommand {

    @Override
    public String person() {
        return withdrawnBy;
    }

    @Override
    public Set<PlanetaryRight> rights() {
        return Set.of(PlanetaryRight.REQUESTER);
    }
}
