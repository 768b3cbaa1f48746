package dev.planetary.kernel.replication;

import dev.planetary.kernel.target.TargetId;

import java.time.Instant;

/**
 * A replication slot became at risk ({@link SlotRisk}): reported once until it is no longer, then again if it
 * becomes so again. Operators of the target hear of it.
 */
public record SlotAtRiskEvent(String alertId, TargetId target, String slot, String risk, Long retainedBytes, Instant at) {

    public static String idOf(TargetId target, String slot, Instant at) {
        return "slot-at-risk-" + target.value() + "-" + slot + "-" + at.toEpochMilli();
    }

    /** The history's one line. */
    public String summary() {
        return "Replication slot " + slot + " is at risk: " + risk;
    }
}
