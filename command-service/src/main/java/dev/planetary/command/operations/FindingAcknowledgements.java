package dev.planetary.command.operations;

import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.health.AcknowledgeFindingCommand;
import dev.planetary.kernel.health.FindingAcknowledgedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/** Records that a reviewer or operator acknowledged a lint finding, and why: the decision is an event. */
@Service
public class FindingAcknowledgements {

    static final int MAX_OBJECT_LENGTH = 500;

    private final DdlTargets targets;
    private final EventGateway events;
    private final Clock clock;

    public FindingAcknowledgements(DdlTargets targets, EventGateway events, Clock clock) {
        this.targets = targets;
        this.events = events;
        this.clock = clock;
    }

    @CommandHandler
    public FindingAcknowledgedEvent handle(AcknowledgeFindingCommand command) {
        if (command.rule() == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name the lint rule of the finding", "rule");
        }
        if (command.object() == null || command.object().isBlank() || command.object().length() > MAX_OBJECT_LENGTH) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name the object of the finding, as the lints name it", "object");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "say why the finding stays: the history keeps it", "reason");
        }
        FindingAcknowledgedEvent acknowledged = new FindingAcknowledgedEvent("ack-" + UUID.randomUUID(),
                targets.get(command.target()).id(), command.rule(), command.object(), command.reason().strip(), command.actor(), clock.instant());
        events.publish(acknowledged);
        return acknowledged;
    }
}
