package dev.planetary.kernel.spec.privilege;

/** Privileges on a table or view. Only some of them can be granted per column. */
public enum TablePrivilege {
    SELECT(true),
    INSERT(true),
    UPDATE(true),
    DELETE(false),
    TRUNCATE(false),
    REFERENCES(true),
    TRIGGER(false);

    private final boolean columnLevel;

    TablePrivilege(boolean columnLevel) {
        this.columnLevel = columnLevel;
    }

    public boolean columnLevel() {
        return columnLevel;
    }
}
