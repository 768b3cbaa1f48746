package dev.planetary.kernel.change.query;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunStatus;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Read-your-writes for a change: its view once the read model has projected at least
 * {@code minVersion}, waited for on the projection's updates (a subscription query; updates
 * projected on another instance are relayed to this one). A read every second is the safety net
 * for an update that never arrives (an instance that stopped between its commit and its relay).
 */
public final class ChangeQueries {

    /**
     * How long a proposer (the API, a page) waits for a dry-run before it answers with the dry-run
     * still running: a rehearsed index build on a large table can take minutes.
     */
    public static final Duration DRY_RUN_WAIT = Duration.ofMinutes(10);

    private static final Duration RECHECK = Duration.ofSeconds(1);

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
            Flux<ChangeView> rechecks = Flux.interval(RECHECK, RECHECK).concatMap(tick -> Mono.fromFuture(
                    queries.query(new FindChangeQuery(changeId), ChangeView.class)).onErrorResume(e -> Mono.empty()));
            return Optional.ofNullable(Flux.merge(result.initialResult().concatWith(result.updates()), rechecks)
                    .filter(reached)
                    .blockFirst(timeout));
        } catch (IllegalStateException timedOut) {
            return Optional.empty();
        } finally {
            result.cancel();
        }
    }
}
