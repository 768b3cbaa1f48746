package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

/** {@code DROP TRIGGER name ON table}: a trigger is named within its table, not its schema. */
public record DropTrigger(Identifier name, QualifiedName table) {

    public String sql() {
        return "DROP TRIGGER " + name.quoted() + " ON " + table.quoted();
    }
}
