package dev.planetary.kernel.sql;

import java.util.List;

/**
 * Whether a fragment is one SQL expression, judged on {@link SqlLexer}'s tokens, which are
 * PostgreSQL's: every quote, dollar quote and comment closes, parentheses balance, and no semicolon
 * is left to end the statement the fragment is put into. Wrapped in parentheses, such a fragment
 * can neither leave them nor start another statement.
 */
final class SingleExpression {

    private SingleExpression() {
    }

    /** Throws saying why the fragment is not one expression, if it is not. */
    static void require(String sql) {
        SqlText.requireReadable(sql, "an SQL expression");
        List<SqlToken> tokens = SqlLexer.tokens(sql);
        int depth = 0;
        for (SqlToken token : tokens) {
            if (!token.complete()) {
                throw new IllegalArgumentException("the expression has an unterminated " + describe(token.type())
                        + " starting at " + (token.start() + 1));
            }
            if (token.is(SqlToken.Type.OTHER)) {
                // PostgreSQL's grammar has no such token ({, }, \, a lone $): the driver might rewrite
                // what PostgreSQL would refuse ({fn now()} is a JDBC escape, not SQL).
                throw new IllegalArgumentException("'" + token.text() + "' (at " + (token.start() + 1)
                        + ") is not SQL outside a string; JDBC escapes such as {fn now()} are not accepted");
            }
            if (token.isPunctuation(";")) {
                throw new IllegalArgumentException("an SQL expression cannot contain ';' outside quotes (at " + (token.start() + 1) + ")");
            } else if (token.isPunctuation("(")) {
                depth++;
            } else if (token.isPunctuation(")") && --depth < 0) {
                throw new IllegalArgumentException("the expression closes a parenthesis it did not open (at " + (token.start() + 1) + ")");
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("the expression leaves " + depth + " parenthesis(es) open");
        }
    }

    private static String describe(SqlToken.Type type) {
        return switch (type) {
            case STRING -> "string literal";
            case QUOTED_IDENTIFIER -> "quoted identifier";
            case DOLLAR_STRING -> "dollar-quoted string";
            case BLOCK_COMMENT -> "comment";
            default -> type.name().toLowerCase();
        };
    }
}
