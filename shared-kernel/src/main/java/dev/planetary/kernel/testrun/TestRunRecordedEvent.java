package dev.planetary.kernel.testrun;

import dev.planetary.kernel.target.TargetId;

import java.time.Instant;
import java.util.List;

/**
 * A trial call was made. Not part of any change (nothing persisted); kept so the history shows
 * who tried what, as whom, and how it went.
 */
public record TestRunRecordedEvent(String runId, TargetId target, String actor, Instant at, String summary, List<String> objects) {

    /** {@code target} is null in events recorded before Planetary managed several targets: those are the default one's. */
    public TestRunRecordedEvent {
        target = TargetId.orDefault(target);
    }
}
