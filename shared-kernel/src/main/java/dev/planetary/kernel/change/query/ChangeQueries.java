package dev.planetary.kernel.change.query;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunStatus;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Read-your-writes for a change: its view once the read model has projected at least
 * {@code minVersion}, waited for on the projection's updates (a subscription query), never by polling.
 */
public final class ChangeQueries {

    /**
     * How long a proposer (the API, a page) waits for a dry-run before it answers with the dry-run
     * still running: a rehearsed index build on a large table can take minutes.
     */
    public static final Duration DRY_RUN_WAIT = Duration.ofMinutes(10);

    private ChangeQueries() {
    }

    /** Empty when the read model has not reached {@code minVersion} within {@code timeout}. */
    public static Optional<ChangeView> await(QueryGateway queries, ChangeId changeId, long minVersion, Duration timeout) {
        return await(queries, changeId, view -> view.version() >= minVersion, timeout);
    }

    /**
     * The change once the dry-run of {@code revision} is recorded (or the change has moved past that
     * revision); empty when that has not happened within {@code timeout}.
     */
    public static Optional<ChangeView> awaitDryRun(QueryGateway queries, ChangeId changeId, int revision, Duration timeout) {
        return await(queries, changeId, view -> view.revision() > revision
                || view.revision() == revision && view.dryRunStatus() != DryRunStatus.PENDING, timeout);
    }

    private static Optional<ChangeView> await(QueryGateway queries, ChangeId changeId, Predicate<ChangeView> reached,
                                              Duration timeout) {
        SubscriptionQueryResult<ChangeView, ChangeView> result = queries.subscriptionQuery(
                new FindChangeQuery(changeId), ResponseTypes.instanceOf(ChangeView.class),
                ResponseTypes.instanceOf(ChangeView.class));
        try {
            return Optional.ofNullable(result.initialResult().concatWith(result.updates())
                    .filter(reached)
                    .blockFirst(timeout));
        } catch (IllegalStateException timedOut) {
            return Optional.empty();
        } finally {
            result.cancel();
        }
    }
}
