package dev.planetary.kernel.health;

import java.time.Instant;
import java.util.List;

/**
 * Every index of a target with what to do about some of them. Scans count since {@code statisticsSince}
 * (the database's statistics reset; null: since the server's statistics began), the window over which
 * "unused" holds.
 */
public record IndexReport(List<IndexUsage> indexes, List<IndexFinding> findings, Instant statisticsSince) {

    public IndexReport {
        indexes = List.copyOf(indexes);
        findings = List.copyOf(findings);
    }

    public static IndexReport of(List<IndexUsage> indexes, Instant statisticsSince) {
        return new IndexReport(indexes, IndexAdvisor.findings(indexes), statisticsSince);
    }
}
