package dev.planetary.kernel.plan;

/** Something a reviewer should notice about a change, with a stable rule code. */
public record LintFinding(String rule, Severity severity, String message) {

    public enum Severity {
        INFO,
        WARNING
    }

    public static LintFinding warning(String rule, String message) {
        return new LintFinding(rule, Severity.WARNING, message);
    }

    public static LintFinding info(String rule, String message) {
        return new LintFinding(rule, Severity.INFO, message);
    }
}
