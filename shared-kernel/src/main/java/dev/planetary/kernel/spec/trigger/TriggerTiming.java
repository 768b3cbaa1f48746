package dev.planetary.kernel.spec.trigger;

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
}
