package dev.planetary.kernel.ddl;

/** The command a policy applies to, and which expressions PostgreSQL accepts for it. */
public enum PolicyCommand {
    ALL(true, true),
    SELECT(true, false),
    INSERT(false, true),
    UPDATE(true, true),
    DELETE(true, false);

    private final boolean takesUsing;
    private final boolean takesWithCheck;

    PolicyCommand(boolean takesUsing, boolean takesWithCheck) {
        this.takesUsing = takesUsing;
        this.takesWithCheck = takesWithCheck;
    }

    public boolean takesUsing() {
        return takesUsing;
    }

    public boolean takesWithCheck() {
        return takesWithCheck;
    }
}
