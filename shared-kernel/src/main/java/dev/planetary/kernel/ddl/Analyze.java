package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.QualifiedName;

/** {@code ANALYZE [table]}: no table analyzes every table the login owns in the database. It may run in a transaction. */
public record Analyze(QualifiedName table) {

    public String sql() {
        return "ANALYZE" + (table == null ? "" : " " + table.quoted());
    }
}
