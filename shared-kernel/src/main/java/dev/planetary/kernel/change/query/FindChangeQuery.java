package dev.planetary.kernel.change.query;

import dev.planetary.kernel.change.ChangeId;

/**
 * One change as the read model shows it (null when it is not there yet). As a subscription query
 * it also brings every later state the projection reaches: read-your-writes after a command waits
 * on those ({@link ChangeQueries}).
 */
public record FindChangeQuery(ChangeId changeId) {
}
