package dev.planetary.kernel.spec.trigger;

import dev.planetary.kernel.ddl.CreateTrigger;

public enum TriggerLevel {
    ROW,
    STATEMENT;

    /** The keyword as the statement writes it. */
    public CreateTrigger.Level keyword() {
        return CreateTrigger.Level.valueOf(name());
    }
}
