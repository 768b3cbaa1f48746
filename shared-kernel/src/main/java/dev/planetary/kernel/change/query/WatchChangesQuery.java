package dev.planetary.kernel.change.query;

/**
 * A subscription query for open screens: its initial result is an empty {@link ChangeIdList}, and
 * each update a {@link ChangeIdList} holding the change whose projected state has just been committed.
 */
public record WatchChangesQuery() {
}
