package dev.planetary.kernel.change.query;

import dev.planetary.kernel.change.ChangeId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;

import java.time.Duration;
import java.util.Optional;

/**
 * Read-your-writes for a change: its view once the read model has projected at least
 * {@code minVersion}, waited for on the projection's updates (a subscription query), never by polling.
 */
public final class ChangeQueries {

    private ChangeQueries() {
    }

    /** Empty when the read model has not reached {@code minVersion} within {@code timeout}. */
    public static Optional<ChangeView> await(QueryGateway queries, ChangeId changeId, long minVersion, Duration timeout) {
        SubscriptionQueryResult<ChangeView, ChangeView> result = queries.subscriptionQuery(
                new FindChangeQuery(changeId, minVersion), ResponseTypes.instanceOf(ChangeView.class),
                ResponseTypes.instanceOf(ChangeView.class));
        try {
            return Optional.ofNullable(result.initialResult().concatWith(result.updates())
                    .filter(view -> view.version() >= minVersion)
                    .blockFirst(timeout));
        } catch (IllegalStateException timedOut) {
            return Optional.empty();
        } finally {
            result.cancel();
        }
    }
}
