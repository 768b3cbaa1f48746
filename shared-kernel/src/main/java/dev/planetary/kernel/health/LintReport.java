package dev.planetary.kernel.health;

import java.util.List;
import java.util.Map;

/**
 * The lint pass over a target's live catalog: every finding (acknowledged ones marked), the rules that
 * could not run with why (a monitoring function missing, say), and what the pass cost.
 */
public record LintReport(List<HealthFinding> findings, Map<LintRule, String> skipped, long millis) {

    public LintReport {
        findings = List.copyOf(findings);
        skipped = Map.copyOf(skipped);
    }
}
