package dev.planetary.kernel.change;

public enum DryRunStatus {
    PENDING,
    PASSED,
    FAILED
}
