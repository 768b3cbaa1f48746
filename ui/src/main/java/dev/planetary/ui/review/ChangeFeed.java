package dev.planetary.ui.review;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.query.ChangeIdList;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.change.query.WatchChangesQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Tells open screens that changes moved, so they update by themselves (server push), through
 * subscription queries: the read model announces a change once its new state is committed, so a
 * screen re-reads what is there, never too early. Bursts (a stepped apply's progress) reach a
 * screen at most every {@link #AT_MOST_EVERY}, the last one always.
 */
@Component
public class ChangeFeed {

    static final Duration AT_MOST_EVERY = Duration.ofMillis(250);

    private final QueryGateway queries;

    public ChangeFeed(QueryGateway queries) {
        this.queries = queries;
    }

    /** Calls {@code listener} when any change moves; returns what to call to stop listening (on detach). */
    public Runnable listen(Runnable listener) {
        SubscriptionQueryResult<ChangeIdList, ChangeIdList> watch = queries.subscriptionQuery(new WatchChangesQuery(),
                ResponseTypes.instanceOf(ChangeIdList.class), ResponseTypes.instanceOf(ChangeIdList.class));
        return subscribe(watch, moved -> listener.run());
    }

    /** Calls {@code listener} with the change's new state each time it moves; returns what stops it. */
    public Runnable listen(ChangeId changeId, Consumer<ChangeView> listener) {
        SubscriptionQueryResult<ChangeView, ChangeView> watch = queries.subscriptionQuery(new FindChangeQuery(changeId, 0),
                ResponseTypes.instanceOf(ChangeView.class), ResponseTypes.instanceOf(ChangeView.class));
        return subscribe(watch, listener);
    }

    /**
     * The initial result is read after the subscription is registered and goes first: whatever
     * moved between the screen's own first reading and its subscribing still reaches it.
     */
    private static <T> Runnable subscribe(SubscriptionQueryResult<T, T> watch, Consumer<T> listener) {
        Disposable updates = watch.initialResult().concatWith(watch.updates()).sample(AT_MOST_EVERY).subscribe(listener);
        return () -> {
            updates.dispose();
            watch.cancel();
        };
    }
}
