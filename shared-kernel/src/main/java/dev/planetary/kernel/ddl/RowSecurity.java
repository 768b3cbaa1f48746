package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.QualifiedName;

/**
 * {@code ALTER TABLE t ENABLE | DISABLE | FORCE | NO FORCE ROW LEVEL SECURITY}. ENABLE makes the
 * policies apply to everyone but the owner; FORCE makes them apply to the owner too (and so to the
 * views and SECURITY DEFINER functions the owner owns).
 */
public record RowSecurity(QualifiedName table, Action action) {

    public enum Action {
        ENABLE, DISABLE, FORCE, NO_FORCE;

        /** The clause after the table name: {@code NO FORCE ROW LEVEL SECURITY}. */
        public String sql() {
            return name().replace('_', ' ') + " ROW LEVEL SECURITY";
        }

        public Action opposite() {
            return switch (this) {
                case ENABLE -> DISABLE;
                case DISABLE -> ENABLE;
                case FORCE -> NO_FORCE;
                case NO_FORCE -> FORCE;
            };
        }
    }

    /** The statement that undoes this one. */
    public RowSecurity inverse() {
        return new RowSecurity(table, action.opposite());
    }

    public String sql() {
        return "ALTER TABLE " + table.quoted() + " " + action.sql();
    }
}
