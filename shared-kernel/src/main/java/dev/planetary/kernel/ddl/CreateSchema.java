package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;

/**
 * {@code CREATE SCHEMA [IF NOT EXISTS] s}. IF NOT EXISTS is for the platform's own schema, which
 * whichever plan first needs it creates (masks, audit).
 */
public record CreateSchema(Identifier name, boolean ifNotExists) {

    public String sql() {
        return "CREATE SCHEMA " + (ifNotExists ? "IF NOT EXISTS " : "") + name.quoted();
    }
}
