package dev.planetary.query.change;

import dev.planetary.kernel.change.query.ChangeIdList;
import dev.planetary.kernel.change.query.ChangeList;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.change.query.FindChangesAwaitingApplyQuery;
import dev.planetary.kernel.change.query.FindChangesAwaitingDryRunQuery;
import dev.planetary.kernel.change.query.FindChangesQuery;
import dev.planetary.kernel.change.query.FindPromotionsQuery;
import dev.planetary.kernel.change.query.FindWaitingAfterQuery;
import dev.planetary.kernel.change.query.WatchChangesQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;


/** Answers the query bus: the command side asks here, it never reads query-side tables itself. */
@Component
public class ChangeQueryHandlers {

    /**
     * How long a recovery query waits for the projection to catch up after a start: well under Axon's
     * 30-s query handler timeout, whose janitor would otherwise interrupt the asking thread (at start,
     * the main thread) and leave it interrupted.
     */
    private static final java.time.Duration CATCH_UP = java.time.Duration.ofSeconds(20);

    private final ChangeReadModel readModel;
    private final CaughtUp caughtUp;

    public ChangeQueryHandlers(ChangeReadModel readModel, CaughtUp caughtUp) {
        this.readModel = readModel;
        this.caughtUp = caughtUp;
    }

    /**
     * The change as projected so far, or null when it is not (yet) in the read model. Callers that
     * need a version wait for the projection's updates with a subscription query (ChangeQueries).
     */
    @QueryHandler
    public ChangeView find(FindChangeQuery query) {
        return readModel.find(query.changeId()).orElse(null);
    }

    @QueryHandler
    public ChangeIdList waitingAfter(FindWaitingAfterQuery query) {
        return new ChangeIdList(readModel.waitingAfter(query.changeId()));
    }

    @QueryHandler
    public ChangeList promotions(FindPromotionsQuery query) {
        return new ChangeList(readModel.promotions(query.changeId()));
    }

    @QueryHandler
    public ChangeList list(FindChangesQuery query) {
        return new ChangeList(readModel.list(query.filter()));
    }

    /** Nothing at first: a watcher of every change only wants what moves from now on (the updates). */
    @QueryHandler
    public ChangeIdList watch(WatchChangesQuery query) {
        return new ChangeIdList(java.util.List.of());
    }

    /** Answered once the projection has caught up with what happened before this instance started. */
    @QueryHandler
    public ChangeIdList awaitingApply(FindChangesAwaitingApplyQuery query) {
        caughtUp.await(ChangeProjection.GROUP, CATCH_UP);
        return new ChangeIdList(readModel.awaitingApply(query.quietSince()));
    }

    /** Answered once the projection has caught up with what happened before this instance started. */
    @QueryHandler
    public ChangeIdList awaitingDryRun(FindChangesAwaitingDryRunQuery query) {
        caughtUp.await(ChangeProjection.GROUP, CATCH_UP);
        return new ChangeIdList(readModel.awaitingDryRun(query.quietSince()));
    }
}
