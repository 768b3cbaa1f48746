package dev.planetary.kernel.drift;

import java.time.Instant;

/**
 * A DDL statement ran on the target outside Planetary: no applied change claims it. {@code driftId}
 * is stable ({@code drift-<ddl_log id>}); {@code statement} is the SQL as the session sent it.
 */
public record DriftDetectedEvent(String driftId, Instant at, String sessionUser, String commandTag, String objectType,
                                 String objectIdentity, String statement) {
}
