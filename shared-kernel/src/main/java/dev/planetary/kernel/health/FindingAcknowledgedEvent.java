package dev.planetary.kernel.health;

import dev.planetary.kernel.target.TargetId;

import java.time.Instant;

/** A lint finding was acknowledged: which rule, on which object, by whom, when and why. */
public record FindingAcknowledgedEvent(String acknowledgementId, TargetId target, LintRule rule, String object, String reason,
                                       String actor, Instant at) {

    /** The history's one line. */
    public String summary() {
        return "Acknowledged \"" + rule.title() + "\" on " + object + ". Why: " + reason;
    }
}
