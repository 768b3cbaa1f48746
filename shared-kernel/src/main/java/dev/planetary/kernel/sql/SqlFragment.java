package dev.planetary.kernel.sql;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A piece of SQL the user writes (a policy's USING or WITH CHECK expression, a trigger's WHEN
 * condition). It is rendered verbatim, wrapped in parentheses, shown to reviewers as written and
 * checked by the dry-run. It must be one expression: the scanner refuses a top-level semicolon and
 * unbalanced parentheses, so the fragment cannot close its parentheses and start another statement.
 */
public record SqlFragment(String sql) {

    public SqlFragment {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("an SQL expression cannot be empty");
        }
        sql = sql.strip();
        ExpressionScanner.requireSingleExpression(sql);
    }

    @JsonCreator
    public static SqlFragment of(String sql) {
        return sql == null ? null : new SqlFragment(sql);
    }

    /** The expression as it goes into a statement: in parentheses, otherwise untouched. */
    public String parenthesized() {
        return ExpressionScanner.requireSingleExpression(sql) ? "(" + sql + "\n)" : "(" + sql + ")";
    }

    @JsonValue
    @Override
    public String sql() {
        return sql;
    }

    @Override
    public String toString() {
        return sql;
    }
}
