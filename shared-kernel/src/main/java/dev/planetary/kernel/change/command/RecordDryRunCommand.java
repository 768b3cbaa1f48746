package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The dry-run of one revision of a change finished. A result for an older revision is ignored. */
public record RecordDryRunCommand(@TargetAggregateIdentifier ChangeId changeId, int revision, DryRunOutcome outcome) {
}
