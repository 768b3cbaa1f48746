package dev.planetary.kernel.sql;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * A piece of SQL the user writes (a policy's USING or WITH CHECK expression, a trigger's WHEN
 * condition). It is rendered verbatim, wrapped in parentheses, shown to reviewers as written and
 * checked by the dry-run. It must be one expression as PostgreSQL's lexer reads it
 * ({@link SingleExpression}), so it cannot close its parentheses and start another statement.
 */
public record SqlFragment(String sql) {

    public SqlFragment {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("an SQL expression cannot be empty");
        }
        sql = sql.strip();
        SingleExpression.require(sql);
    }

    @JsonCreator
    public static SqlFragment of(String sql) {
        return sql == null ? null : new SqlFragment(sql);
    }

    /**
     * The expression as it goes into a statement: in parentheses, otherwise untouched. When it ends
     * in a line comment the closing parenthesis goes on a line of its own, or the comment would hide it.
     */
    public String parenthesized() {
        List<SqlToken> tokens = SqlLexer.tokens(sql);
        boolean endsInLineComment = tokens.get(tokens.size() - 1).is(SqlToken.Type.LINE_COMMENT);
        return endsInLineComment ? "(" + sql + "\n)" : "(" + sql + ")";
    }

    /**
     * The names the expression mentions outside strings and comments, as PostgreSQL reads them: unquoted words
     * folded to lower case (keywords among them), quoted identifiers as written. Enough to tell which of a table's
     * columns it reads.
     */
    public java.util.Set<String> names() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (SqlToken token : SqlLexer.tokens(sql)) {
            if (token.is(SqlToken.Type.WORD)) {
                names.add(token.text().toLowerCase(java.util.Locale.ROOT));
            } else if (token.is(SqlToken.Type.QUOTED_IDENTIFIER) && token.text().startsWith("\"")) {
                names.add(token.text().substring(1, token.text().length() - 1).replace("\"\"", "\""));
            }
        }
        return names;
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
