package dev.planetary.kernel.spec.trigger;

import dev.planetary.kernel.ddl.CreateTrigger;

public enum TriggerTiming {
    BEFORE("BEFORE"),
    AFTER("AFTER"),
    INSTEAD_OF("INSTEAD OF");

    private final String sql;

    TriggerTiming(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    /** The keyword as the statement writes it. */
    public CreateTrigger.Timing keyword() {
        return CreateTrigger.Timing.valueOf(name());
    }
}
