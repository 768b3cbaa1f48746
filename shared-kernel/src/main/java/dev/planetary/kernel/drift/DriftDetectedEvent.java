package dev.planetary.kernel.drift;

import dev.planetary.kernel.target.TargetId;

import java.time.Instant;

/**
 * A DDL statement ran on a target outside Planetary: no applied change claims it. {@code driftId}
 * is stable ({@code drift-<ddl_log id>} on the default target, {@code drift-<target>-<ddl_log id>}
 * on the others); {@code statement} is the SQL as the session sent it. {@code target} is null in
 * events recorded before Planetary managed several targets: those are the default one's.
 */
public record DriftDetectedEvent(String driftId, TargetId target, Instant at, String sessionUser, String commandTag,
                                 String objectType, String objectIdentity, String statement) {

    public DriftDetectedEvent {
        target = TargetId.orDefault(target);
    }

    /** The stable id of the drift a target's DDL log row shows. */
    public static String idOf(TargetId target, long logId) {
        return TargetId.DEFAULT.equals(target) ? "drift-" + logId : "drift-" + target + "-" + logId;
    }
}
