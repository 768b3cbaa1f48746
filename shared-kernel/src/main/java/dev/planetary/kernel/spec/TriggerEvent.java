package dev.planetary.kernel.spec;

public enum TriggerEvent {
    INSERT,
    UPDATE,
    DELETE,
    TRUNCATE
}
