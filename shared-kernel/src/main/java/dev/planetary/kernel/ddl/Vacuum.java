package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.QualifiedName;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code VACUUM [(FULL, FREEZE, ANALYZE)] [table]}: no table vacuums every table the login owns in the
 * database. PostgreSQL runs it only outside a transaction block.
 */
public record Vacuum(QualifiedName table, boolean full, boolean freeze, boolean analyze) {

    public String sql() {
        List<String> options = new ArrayList<>();
        if (full) {
            options.add("FULL");
        }
        if (freeze) {
            options.add("FREEZE");
        }
        if (analyze) {
            options.add("ANALYZE");
        }
        return "VACUUM" + (options.isEmpty() ? "" : " (" + String.join(", ", options) + ")") + (table == null ? "" : " " + table.quoted());
    }
}
