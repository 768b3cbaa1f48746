package dev.planetary.kernel.change.query;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.identity.RequiresRight;

/**
 * Where a change has been: the change it was first proposed as, and every promotion of it to other
 * targets, oldest first (answered with a {@link ChangeList}).
 */
@RequiresRight
public record FindPromotionsQuery(ChangeId changeId) {
}
