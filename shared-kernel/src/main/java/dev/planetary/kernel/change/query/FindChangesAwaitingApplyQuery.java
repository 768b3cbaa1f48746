package dev.planetary.kernel.change.query;

import java.time.Instant;

/** Changes approved or applying whose last event is older than {@code quietSince}: candidates for recovery. */
public record FindChangesAwaitingApplyQuery(Instant quietSince) {
}
