package dev.planetary.kernel.change.query;

/** The changes a filter selects, in its order: answered with {@link ChangeList}. */
public record FindChangesQuery(ChangeFilter filter) {
}
