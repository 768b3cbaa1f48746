package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;

import java.time.Instant;

/** An operator released an approved change whose environment leaves the apply to an operator: it is applied now. */
public record ChangeRolledOutEvent(ChangeId changeId, String operator, Instant at) {
}
