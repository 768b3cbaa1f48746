package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.StepProgress;
import dev.planetary.kernel.change.StepStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The executor reports a step of an applying change: started, progressed, finished, skipped, failed, cleaned up. */
public record RecordStepCommand(@TargetAggregateIdentifier ChangeId changeId, int step, StepStatus status,
                                String description, StepProgress progress, long durationMillis, String note) {
}
