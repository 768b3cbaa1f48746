package dev.planetary.kernel.change.query;

import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.target.TargetId;

/** A target named in a request ({@code ?target=} or a body's {@code target}), refused with the field when malformed. */
public final class TargetParameter {

    private TargetParameter() {
    }

    /** The named target; null when none is named. */
    public static TargetId parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TargetId.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, e.getMessage(), "target");
        }
    }
}
