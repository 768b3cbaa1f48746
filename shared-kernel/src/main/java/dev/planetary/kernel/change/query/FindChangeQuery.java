package dev.planetary.kernel.change.query;

import dev.planetary.kernel.change.ChangeId;

/**
 * One change as the read model shows it. With {@code minVersion} >= 0 the handler waits (briefly)
 * until the read model has caught up with that event sequence number: read-your-writes for callers
 * that just sent a command.
 */
public record FindChangeQuery(ChangeId changeId, long minVersion) {
}
