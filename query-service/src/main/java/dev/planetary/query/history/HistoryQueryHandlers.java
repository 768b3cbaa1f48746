package dev.planetary.query.history;

import dev.planetary.kernel.change.query.FindHistoryQuery;
import dev.planetary.kernel.change.query.HistoryEntries;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the query bus from the history read model: what the UI's timeline and change pages show. */
@Component
public class HistoryQueryHandlers {

    private final HistoryReadModel history;

    public HistoryQueryHandlers(HistoryReadModel history) {
        this.history = history;
    }

    @QueryHandler
    public HistoryEntries find(FindHistoryQuery query) {
        return new HistoryEntries(query.changeId() != null ? history.ofChange(query.changeId())
                : history.timeline(query));
    }
}
