package dev.planetary.kernel.spec.function;

/** What a function returns: one value, a set of values, rows of named columns, a trigger result or nothing. */
public enum ReturnKind {
    SCALAR,
    SETOF,
    TABLE,
    TRIGGER,
    VOID;

    /** SCALAR and SETOF name a type; the other kinds have none. */
    public boolean takesType() {
        return this == SCALAR || this == SETOF;
    }
}
