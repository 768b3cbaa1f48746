package dev.planetary.kernel.sql;

/**
 * A small lexer that follows PostgreSQL's quoting rules (string literals, E'' escapes, quoted
 * identifiers, dollar quotes, line and block comments) well enough to tell whether a fragment is a
 * single expression: parentheses balance and no semicolon appears outside quotes and comments.
 */
final class ExpressionScanner {

    private ExpressionScanner() {
    }

    /** Returns true when the fragment ends inside a line comment, so a closing parenthesis must go on a new line. */
    static boolean requireSingleExpression(String sql) {
        boolean inLineComment = false;
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException("an SQL expression cannot contain a NUL character");
            } else if (c == '\'') {
                // E'...' only when the E is a token of its own: in name'x' the e ends an identifier.
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !isIdentifierChar(sql.charAt(i - 2)));
                i = skipQuoted(sql, i, '\'', escapes);
                continue;
            } else if (c == '"') {
                i = skipQuoted(sql, i, '"', false);
                continue;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                // PostgreSQL's lexer ends a line comment at \n or \r.
                int end = i;
                while (end < n && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
                    end++;
                }
                inLineComment = end >= n;
                i = end >= n ? n : end + 1;
                continue;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = skipBlockComment(sql, i);
                continue;
            } else if (c == '$' && (i == 0 || !isIdentifierChar(sql.charAt(i - 1)))) {
                // inside a word (x$a$) a dollar sign is part of the identifier, not a quote
                int next = skipDollarQuote(sql, i);
                if (next > i) {
                    i = next;
                    continue;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("the expression closes a parenthesis it did not open");
                }
            } else if (c == ';') {
                throw new IllegalArgumentException("an SQL expression cannot contain ';' outside quotes");
            }
            i++;
        }
        if (depth != 0) {
            throw new IllegalArgumentException("the expression leaves " + depth + " parenthesis(es) open");
        }
        return inLineComment;
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("the expression has an unterminated " + (quote == '"' ? "quoted identifier" : "string literal"));
    }

    private static int skipBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("the expression has an unterminated comment");
    }

    /** Returns the index after a dollar-quoted string starting at {@code start}, or {@code start} if none starts there. */
    private static int skipDollarQuote(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i >= sql.length() || sql.charAt(i) != '$') {
            return start; // a positional parameter such as $1, not a quote
        }
        String tag = sql.substring(start, i + 1);
        if (tag.length() > 2 && Character.isDigit(tag.charAt(1))) {
            return start;
        }
        int end = sql.indexOf(tag, i + 1);
        if (end < 0) {
            throw new IllegalArgumentException("the expression has an unterminated dollar-quoted string");
        }
        return end + tag.length();
    }
}
