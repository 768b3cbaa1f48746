package dev.planetary.kernel.change.query;

import java.time.Instant;

/**
 * Changes proposed or revised whose dry-run is still pending and whose last event is older than
 * {@code quietSince}: dry-runs cut short (a stop, a failure before the outcome was recorded), to run again.
 */
public record FindChangesAwaitingDryRunQuery(Instant quietSince) {
}
