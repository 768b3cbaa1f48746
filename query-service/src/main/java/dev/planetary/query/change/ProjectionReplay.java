package dev.planetary.query.change;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.kernel.change.event.ChangeProposedEvent;
import dev.planetary.kernel.change.event.DryRunCompletedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Feeds events to the review-queue projection directly, as a replay does, for benchmarks that
 * need a large read model without running thousands of dry-runs.
 */
public final class ProjectionReplay {

    private final ChangeProjection projection;

    public ProjectionReplay(JdbcClient jdbc, ObjectMapper json) {
        this.projection = new ChangeProjection(jdbc, json);
    }

    public void proposed(ChangeProposedEvent event, long sequence) {
        projection.on(event, sequence);
    }

    public void dryRun(DryRunCompletedEvent event, long sequence) {
        projection.on(event, sequence);
    }
}
