package dev.planetary.ui.review;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.query.ChangeIdList;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.change.query.WatchChangesQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tells open screens that changes moved, so they update by themselves (server push), through
 * subscription queries: the read model announces a change once its new state is committed, so a
 * screen re-reads what is there, never too early. Bursts (a stepped apply's progress) reach a
 * screen at most every {@link #AT_MOST_EVERY}, the last one always. The initial result is read
 * after the subscription is registered and goes first: whatever moved between the screen's own
 * first reading and its subscribing still reaches it.
 */
@Component
public class ChangeFeed {

    static final Duration AT_MOST_EVERY = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final QueryGateway queries;

    public ChangeFeed(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * Calls {@code listener} with the changes that moved (none the first time, as it starts); returns
     * what to call to stop listening (on detach).
     */
    public Runnable listen(Consumer<List<ChangeId>> listener) {
        SubscriptionQueryResult<ChangeIdList, ChangeIdList> watch = queries.subscriptionQuery(new WatchChangesQuery(),
                ResponseTypes.instanceOf(ChangeIdList.class), ResponseTypes.instanceOf(ChangeIdList.class));
        // Every change that moved within a window reaches the screen, in one call.
        Flux<List<ChangeId>> moved = watch.initialResult().concatWith(watch.updates()).bufferTimeout(256, AT_MOST_EVERY)
                .map(lists -> lists.stream().flatMap(list -> list.ids().stream()).distinct().toList());
        return subscribe(watch, moved, listener);
    }

    /** Calls {@code listener} with the change's new state each time it moves; returns what stops it. */
    public Runnable listen(ChangeId changeId, Consumer<ChangeView> listener) {
        SubscriptionQueryResult<ChangeView, ChangeView> watch = queries.subscriptionQuery(new FindChangeQuery(changeId),
                ResponseTypes.instanceOf(ChangeView.class), ResponseTypes.instanceOf(ChangeView.class));
        // Only the newest state matters to the page: at most one render per window.
        return subscribe(watch, watch.initialResult().concatWith(watch.updates()).sample(AT_MOST_EVERY), listener);
    }

    private static <T> Runnable subscribe(SubscriptionQueryResult<?, ?> watch, Flux<T> told, Consumer<T> listener) {
        Disposable updates = told.subscribe(moved -> tell(listener, moved),
                failed -> log.warn("a screen stopped hearing of changes: {}", failed.toString()));
        return () -> {
            updates.dispose();
            watch.cancel();
        };
    }

    /** A listener that fails (a screen closing while it is told) must not end the feed for good. */
    private static <T> void tell(Consumer<T> listener, T moved) {
        try {
            listener.accept(moved);
        } catch (RuntimeException e) {
            log.debug("a screen could not be told of a change: {}", e.toString());
        }
    }
}
