package dev.planetary.kernel.ddl;

import java.util.Locale;

/**
 * {@code DROP <kind> <object> [CASCADE]} for objects named by their (schema-qualified) name alone.
 * {@code object} is the name as the caller quoted it ({@code QualifiedName.quoted()}, or quoted
 * parts joined with dots); a SERVER by its name alone. Triggers, policies, functions and user
 * mappings have statements of their own.
 */
public record Drop(Kind kind, String object, boolean cascade) {

    public enum Kind {
        TABLE, VIEW, MATERIALIZED_VIEW, INDEX, SEQUENCE, SCHEMA, TYPE, FOREIGN_TABLE, SERVER;

        String sql() {
            return name().replace('_', ' ');
        }

        public String words() {
            return sql().toLowerCase(Locale.ROOT);
        }
    }

    public String sql() {
        return "DROP " + kind.sql() + " " + object + (cascade ? " CASCADE" : "");
    }
}
