package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;

/**
 * {@code ALTER <kind> <object> OWNER TO role}. {@code object} is the name as the caller quoted it
 * ({@code QualifiedName.quoted()}, or a function's signature with its argument types).
 */
public record AlterOwner(Kind kind, String object, Identifier owner) {

    public enum Kind { TABLE, VIEW, FUNCTION, SCHEMA }

    public String sql() {
        return "ALTER " + kind.name() + " " + object + " OWNER TO " + owner.quoted();
    }
}
