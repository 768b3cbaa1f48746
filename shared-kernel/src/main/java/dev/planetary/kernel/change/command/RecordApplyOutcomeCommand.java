package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DriftVerdict;
import dev.planetary.kernel.change.SqlError;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The executor's result: {@code error} is null when the plan committed. {@code note} says, for a
 * plan run step by step, what was done and what was not. {@code drift} is what the drift guard found
 * (DRIFTED: nothing ran, and {@code error} is null).
 */
public record RecordApplyOutcomeCommand(@TargetAggregateIdentifier ChangeId changeId, SqlError error, long durationMillis,
                                        String note, DriftVerdict drift) {

    public RecordApplyOutcomeCommand(ChangeId changeId, SqlError error, long durationMillis) {
        this(changeId, error, durationMillis, null, null);
    }

    public RecordApplyOutcomeCommand(ChangeId changeId, SqlError error, long durationMillis, String note) {
        this(changeId, error, durationMillis, note, null);
    }
}
