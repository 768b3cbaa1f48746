package dev.planetary.kernel.spec;

public enum TriggerLevel {
    ROW,
    STATEMENT
}
