package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The executor asks to start applying; the aggregate answers with an {@link dev.planetary.kernel.change.ApplyStart}. */
public record BeginApplyCommand(@TargetAggregateIdentifier ChangeId changeId) {
}
