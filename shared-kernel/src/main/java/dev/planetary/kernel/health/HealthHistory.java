package dev.planetary.kernel.health;

import java.time.Instant;
import java.util.List;

/**
 * A target's samples over a period, oldest first, with the changes applied to it in that period, so
 * the charts can mark them: a spike that starts at an apply has a name.
 */
public record HealthHistory(List<HealthSample> samples, List<AppliedMark> applied) {

    /** A change applied to the target at {@code at}. */
    public record AppliedMark(String changeId, String title, Instant at) {
    }

    public HealthHistory {
        samples = List.copyOf(samples);
        applied = List.copyOf(applied);
    }
}
