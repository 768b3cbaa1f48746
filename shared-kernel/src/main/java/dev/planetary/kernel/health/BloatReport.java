package dev.planetary.kernel.health;

import java.util.List;

/**
 * Every table's and btree index's bloat estimate, or why there is none: {@code problem} says what the
 * target lacks (the statistics function Planetary reads widths through), else null.
 */
public record BloatReport(List<BloatEstimate> estimates, String problem) {

    public BloatReport {
        estimates = List.copyOf(estimates);
    }

    public static BloatReport unavailable(String problem) {
        return new BloatReport(List.of(), problem);
    }
}
