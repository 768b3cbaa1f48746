package dev.planetary.kernel.testrun;

import java.time.Instant;
import java.util.List;

/**
 * A trial call was made. Not part of any change (nothing persisted); kept so the history shows
 * who tried what, as whom, and how it went.
 */
public record TestRunRecordedEvent(String runId, String actor, Instant at, String summary, List<String> objects) {
}
