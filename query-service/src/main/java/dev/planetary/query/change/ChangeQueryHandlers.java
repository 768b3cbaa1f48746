package dev.planetary.query.change;

import dev.planetary.kernel.change.ChangeNotFoundException;
import dev.planetary.kernel.change.query.ChangeIdList;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.change.query.FindChangesAwaitingApplyQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/** Answers the query bus: the command side asks here, it never reads query-side tables itself. */
@Component
public class ChangeQueryHandlers {

    private final ChangeReadModel readModel;
    private final Duration catchUpLimit;

    public ChangeQueryHandlers(ChangeReadModel readModel,
                               @Value("${planetary.read-your-writes-wait:PT10S}") Duration catchUpLimit) {
        this.readModel = readModel;
        this.catchUpLimit = catchUpLimit;
    }

    /** Waits (bounded) for the projection to reach {@code minVersion}, then answers with what it has. */
    @QueryHandler
    public ChangeView find(FindChangeQuery query) throws InterruptedException {
        long deadline = System.nanoTime() + catchUpLimit.toNanos();
        Optional<ChangeView> view = readModel.find(query.changeId());
        while ((view.isEmpty() || view.get().version() < query.minVersion()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            view = readModel.find(query.changeId());
        }
        return view.orElseThrow(() -> new ChangeNotFoundException(query.changeId().value()));
    }

    @QueryHandler
    public ChangeIdList awaitingApply(FindChangesAwaitingApplyQuery query) {
        return new ChangeIdList(readModel.awaitingApply(query.quietSince()));
    }
}
