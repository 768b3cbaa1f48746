package dev.planetary.kernel.change.query;

import dev.planetary.kernel.change.ChangeId;

/**
 * Approved changes that are applied only after the given one (the next in a batch promotion),
 * answered with a {@link ChangeIdList}. Sent by Planetary itself once that change is applied.
 */
public record FindWaitingAfterQuery(ChangeId changeId) {
}
