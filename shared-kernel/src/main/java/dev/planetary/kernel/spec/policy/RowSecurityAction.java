package dev.planetary.kernel.spec.policy;

/** ALTER TABLE ... ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY. */
public enum RowSecurityAction {
    ENABLE("ENABLE ROW LEVEL SECURITY"),
    DISABLE("DISABLE ROW LEVEL SECURITY"),
    FORCE("FORCE ROW LEVEL SECURITY"),
    NO_FORCE("NO FORCE ROW LEVEL SECURITY");

    private final String sql;

    RowSecurityAction(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    public RowSecurityAction opposite() {
        return switch (this) {
            case ENABLE -> DISABLE;
            case DISABLE -> ENABLE;
            case FORCE -> NO_FORCE;
            case NO_FORCE -> FORCE;
        };
    }

    public boolean weakens() {
        return this == DISABLE || this == NO_FORCE;
    }
}
