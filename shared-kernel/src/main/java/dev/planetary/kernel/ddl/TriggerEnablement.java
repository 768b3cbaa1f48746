package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

/** {@code ALTER TABLE t ENABLE | DISABLE TRIGGER name}: the trigger stays defined, it only stops (or starts) firing. */
public record TriggerEnablement(QualifiedName table, Identifier name, boolean enable) {

    /** The statement that undoes this one. */
    public TriggerEnablement inverse() {
        return new TriggerEnablement(table, name, !enable);
    }

    public String sql() {
        return "ALTER TABLE " + table.quoted() + (enable ? " ENABLE" : " DISABLE") + " TRIGGER " + name.quoted();
    }
}
