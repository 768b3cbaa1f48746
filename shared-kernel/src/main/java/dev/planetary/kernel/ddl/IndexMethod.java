package dev.planetary.kernel.ddl;

import java.util.Locale;

/** Index access methods built into PostgreSQL 15, and what each supports (PostgreSQL docs, "Index Types", table 67.1). */
public enum IndexMethod {
    BTREE(true, true, true, true),
    HASH(false, false, false, false),
    GIN(false, false, true, false),
    GIST(false, true, true, false),
    BRIN(false, false, true, false);

    private final boolean unique;
    private final boolean include;
    private final boolean multiColumn;
    private final boolean ordered;

    IndexMethod(boolean unique, boolean include, boolean multiColumn, boolean ordered) {
        this.unique = unique;
        this.include = include;
        this.multiColumn = multiColumn;
        this.ordered = ordered;
    }

    public boolean supportsUnique() {
        return unique;
    }

    public boolean supportsInclude() {
        return include;
    }

    public boolean supportsMultipleKeys() {
        return multiColumn;
    }

    /** Whether keys may be DESC (only ordered methods; the others refuse ASC/DESC options). */
    public boolean supportsOrder() {
        return ordered;
    }

    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }
}
