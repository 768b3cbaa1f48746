package dev.planetary.kernel.spec.trigger;

public enum TriggerEvent {
    INSERT,
    UPDATE,
    DELETE,
    TRUNCATE
}
