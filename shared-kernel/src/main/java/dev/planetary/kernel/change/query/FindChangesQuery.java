package dev.planetary.kernel.change.query;

import dev.planetary.kernel.identity.RequiresRight;

/** The changes a filter selects, in its order: answered with {@link ChangeList}. */
@RequiresRight
public record FindChangesQuery(ChangeFilter filter) {
}
