package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

/**
 * {@code ALTER VIEW v ALTER COLUMN c SET DEFAULT <expression>}. A view column has no default of its
 * own, so an INSERT through the view's INSTEAD OF trigger would get NULL where the table would fill
 * in its default; the table's default expression is copied onto the view. The expression is written
 * as PostgreSQL gave it ({@code pg_get_expr}), without parentheses.
 */
public record AlterColumnDefault(QualifiedName view, Identifier column, SqlFragment value) {

    public String sql() {
        return "ALTER VIEW " + view.quoted() + " ALTER COLUMN " + column.quoted() + " SET DEFAULT " + value.sql();
    }
}
