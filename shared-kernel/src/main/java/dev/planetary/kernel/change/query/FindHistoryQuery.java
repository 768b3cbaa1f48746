package dev.planetary.kernel.change.query;

import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/**
 * The change-history timeline, newest first: with {@code changeId} every event of that change in
 * the order it happened; otherwise narrowed by object, person (actor or requester), event and
 * kind of change and target where they are given (null: any).
 */
@RequiresRight
public record FindHistoryQuery(String changeId, String object, String person, String event, String kind, int limit, int offset,
                               TargetId target) {

    public FindHistoryQuery(String changeId, String object, String person, String event, String kind, int limit, int offset) {
        this(changeId, object, person, event, kind, limit, offset, null);
    }

    public static FindHistoryQuery ofChange(String changeId) {
        return new FindHistoryQuery(changeId, null, null, null, null, 1000, 0);
    }
}
