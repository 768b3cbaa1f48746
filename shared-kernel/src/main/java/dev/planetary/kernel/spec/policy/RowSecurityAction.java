package dev.planetary.kernel.spec.policy;

import dev.planetary.kernel.ddl.RowSecurity;

/** ALTER TABLE ... ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY, as a change chooses it. */
public enum RowSecurityAction {
    ENABLE(RowSecurity.Action.ENABLE),
    DISABLE(RowSecurity.Action.DISABLE),
    FORCE(RowSecurity.Action.FORCE),
    NO_FORCE(RowSecurity.Action.NO_FORCE);

    private final RowSecurity.Action statement;

    RowSecurityAction(RowSecurity.Action statement) {
        this.statement = statement;
    }

    /** The clause as the statement writes it ({@code NO FORCE ROW LEVEL SECURITY}); forms label the choices with it. */
    public String sql() {
        return statement.sql();
    }

    public RowSecurity.Action statement() {
        return statement;
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
