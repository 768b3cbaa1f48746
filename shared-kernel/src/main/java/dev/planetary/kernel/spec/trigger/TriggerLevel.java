package dev.planetary.kernel.spec.trigger;

public enum TriggerLevel {
    ROW,
    STATEMENT
}
