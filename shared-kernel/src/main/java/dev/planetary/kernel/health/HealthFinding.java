package dev.planetary.kernel.health;

import java.time.Instant;
import java.util.Map;

/**
 * One lint finding on the live catalog: the rule, the object ({@code schema}, {@code name}, and
 * {@code object} as people read it), what is wrong in words, the parameters that open the fixing change's
 * form on this object ({@link LintRule#fixKind()}; empty when there is no fix), and, when someone
 * acknowledged it, who, when and why.
 */
public record HealthFinding(LintRule rule, String schema, String name, String object, String detail,
                            Map<String, String> fix, Acknowledgement acknowledged) {

    /** Someone looked at the finding and decided to leave it, saying why. */
    public record Acknowledgement(String by, Instant at, String reason) {
    }

    public HealthFinding {
        fix = Map.copyOf(fix);
    }

    public HealthFinding acknowledgedBy(Acknowledgement acknowledgement) {
        return new HealthFinding(rule, schema, name, object, detail, fix, acknowledgement);
    }
}
