package dev.planetary.kernel.change.query;

import dev.planetary.kernel.target.TargetId;

import java.time.Instant;
import java.util.List;

/** One event in a change's life, for the timeline. */
public record HistoryEntry(String changeId, long sequence, String event, String actor, Instant at,
                           String summary, List<String> objects, TargetId target) {

    public HistoryEntry(String changeId, long sequence, String event, String actor, Instant at, String summary,
                        List<String> objects) {
        this(changeId, sequence, event, actor, at, summary, objects, TargetId.DEFAULT);
    }
}
