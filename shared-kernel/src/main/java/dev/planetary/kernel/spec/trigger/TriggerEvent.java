package dev.planetary.kernel.spec.trigger;

import dev.planetary.kernel.ddl.CreateTrigger;

public enum TriggerEvent {
    INSERT,
    UPDATE,
    DELETE,
    TRUNCATE;

    /** The keyword as the statement writes it. */
    public CreateTrigger.Event keyword() {
        return CreateTrigger.Event.valueOf(name());
    }
}
