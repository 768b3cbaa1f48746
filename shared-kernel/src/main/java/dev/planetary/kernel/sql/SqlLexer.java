package dev.planetary.kernel.sql;

import dev.planetary.kernel.sql.SqlToken.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens where PostgreSQL 15's lexer ({@code src/backend/parser/scan.l}) would,
 * with {@code standard_conforming_strings} on (the executor sets it for every plan). This is the one
 * place Planetary decides where a string, a quoted name, a dollar quote or a comment begins and
 * ends: the fragment check, the renderer's dollar quoting and the highlighter all read its tokens,
 * so what reviewers see is what the server reads.
 *
 * <p>The rules that matter, as the server applies them: every character above U+007F may start or
 * continue an identifier and a dollar-quote tag (the server lexes UTF-8 bytes, all of them at or
 * above 0x80); a dollar quote ends at the first occurrence of its tag; block comments nest; a line
 * comment ends at {@code \n} or {@code \r}; an operator stops where {@code --} or {@code /*} starts;
 * two string literals separated by whitespace that holds a line break are one literal (and an
 * {@code E''} literal keeps its backslash escapes in the continuation); vertical tab is not
 * whitespace in PostgreSQL 15.
 */
public final class SqlLexer {

    private static final String OPERATOR_CHARS = "~!@#^&|`?+-*/%<>=";
    private static final String PUNCTUATION_CHARS = ",()[].;:";

    private final String sql;
    private final int n;
    private final List<SqlToken> tokens = new ArrayList<>();

    private SqlLexer(String sql) {
        this.sql = sql;
        this.n = sql.length();
    }

    public static List<SqlToken> tokens(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        int i = 0;
        while (i < n) {
            i = next(i);
        }
    }

    /** Lexes the token starting at {@code i} and returns where the next one starts. */
    private int next(int i) {
        char c = sql.charAt(i);
        if (isSpace(c)) {
            int end = i;
            while (end < n && isSpace(sql.charAt(end))) {
                end++;
            }
            return add(Type.WHITESPACE, i, end, true);
        }
        if (startsWith(i, "--")) {
            return add(Type.LINE_COMMENT, i, lineEnd(i), true);
        }
        if (startsWith(i, "/*")) {
            return blockComment(i);
        }
        if (c == '\'') {
            return string(i, i, Quoting.STANDARD);
        }
        if ((c == 'e' || c == 'E') && at(i + 1) == '\'') {
            return string(i, i + 1, Quoting.ESCAPES);
        }
        if ((c == 'n' || c == 'N') && at(i + 1) == '\'') {
            return string(i, i + 1, Quoting.STANDARD);
        }
        if ((c == 'b' || c == 'B' || c == 'x' || c == 'X') && at(i + 1) == '\'') {
            return string(i, i + 1, Quoting.BITS);
        }
        if ((c == 'u' || c == 'U') && at(i + 1) == '&' && at(i + 2) == '\'') {
            return string(i, i + 2, Quoting.STANDARD);
        }
        if ((c == 'u' || c == 'U') && at(i + 1) == '&' && at(i + 2) == '"') {
            return quotedIdentifier(i, i + 2);
        }
        if (c == '"') {
            return quotedIdentifier(i, i);
        }
        if (c == '$') {
            return dollar(i);
        }
        if (isIdentifierStart(c)) {
            int end = i + 1;
            while (end < n && isIdentifierContinue(sql.charAt(end))) {
                end++;
            }
            return add(Type.WORD, i, end, true);
        }
        if (isDigit(c) || (c == '.' && isDigit(at(i + 1)))) {
            return add(Type.NUMBER, i, number(i), true);
        }
        if ((c == ':' && at(i + 1) == ':') || (c == '.' && at(i + 1) == '.')) {
            return add(Type.PUNCTUATION, i, i + 2, true);
        }
        if (PUNCTUATION_CHARS.indexOf(c) >= 0) {
            return add(Type.PUNCTUATION, i, i + 1, true);
        }
        if (OPERATOR_CHARS.indexOf(c) >= 0) {
            int end = i + 1;
            while (end < n && OPERATOR_CHARS.indexOf(sql.charAt(end)) >= 0 && !startsWith(end, "--") && !startsWith(end, "/*")) {
                end++;
            }
            return add(Type.OPERATOR, i, end, true);
        }
        return add(Type.OTHER, i, i + 1, true);
    }

    private int blockComment(int start) {
        int depth = 0;
        int i = start;
        while (i < n) {
            if (startsWith(i, "/*")) {
                depth++;
                i += 2;
            } else if (startsWith(i, "*/")) {
                i += 2;
                if (--depth == 0) {
                    return add(Type.BLOCK_COMMENT, start, i, true);
                }
            } else {
                i++;
            }
        }
        return add(Type.BLOCK_COMMENT, start, n, false);
    }

    /** How the lexer reads the inside of a string literal. */
    private enum Quoting {
        /** '' and N'' and U&'': a doubled quote stays inside. */
        STANDARD,
        /** E'': also a backslash takes the next character with it. */
        ESCAPES,
        /** B'' and X'': no doubling in PostgreSQL 15 (B'01''1' is B'01' followed by '1'). */
        BITS
    }

    /**
     * A quoted string whose opening quote is at {@code quote}. A continuation (quote, whitespace
     * with a line break, quote) carries on the same literal in the same quoting.
     */
    private int string(int start, int quote, Quoting quoting) {
        int i = quote + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (quoting == Quoting.ESCAPES && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (quoting != Quoting.BITS && at(i + 1) == '\'') {
                    i += 2;
                } else {
                    int resumed = continuation(i + 1);
                    if (resumed < 0) {
                        return add(Type.STRING, start, i + 1, true);
                    }
                    i = resumed + 1;
                }
            } else {
                i++;
            }
        }
        return add(Type.STRING, start, n, false);
    }

    /**
     * scan.l's {@code whitespace_with_newline} followed by a quote: horizontal space and line
     * comments, a line break, then any whitespace and whole-line comments. Returns the index of the
     * quote that continues the literal, or -1.
     */
    private int continuation(int from) {
        int i = from;
        while (i < n && (isHorizontalSpace(sql.charAt(i)) || startsWith(i, "--"))) {
            i = startsWith(i, "--") ? lineEnd(i) : i + 1;
        }
        if (i >= n || !isNewline(sql.charAt(i))) {
            return -1;
        }
        i++;
        while (i < n) {
            if (isSpace(sql.charAt(i))) {
                i++;
            } else if (startsWith(i, "--")) {
                int end = lineEnd(i);
                if (end >= n) {
                    return -1;
                }
                i = end + 1;
            } else {
                break;
            }
        }
        return at(i) == '\'' ? i : -1;
    }

    private int quotedIdentifier(int start, int quote) {
        int i = quote + 1;
        while (i < n) {
            if (sql.charAt(i) == '"') {
                if (at(i + 1) == '"') {
                    i += 2;
                } else {
                    return add(Type.QUOTED_IDENTIFIER, start, i + 1, true);
                }
            } else {
                i++;
            }
        }
        return add(Type.QUOTED_IDENTIFIER, start, n, false);
    }

    /** {@code $1}, a dollar quote, or a lone {@code $} (scan.l's dolqfailed: only the {@code $} is taken). */
    private int dollar(int start) {
        if (isDigit(at(start + 1))) {
            int end = start + 1;
            while (end < n && isDigit(sql.charAt(end))) {
                end++;
            }
            return add(Type.PARAMETER, start, end, true);
        }
        int i = start + 1;
        if (i < n && isIdentifierStart(sql.charAt(i))) {
            while (i < n && isDollarTagContinue(sql.charAt(i))) {
                i++;
            }
        }
        if (at(i) != '$') {
            return add(Type.OTHER, start, start + 1, true);
        }
        String tag = sql.substring(start, i + 1);
        int close = sql.indexOf(tag, i + 1);
        if (close < 0) {
            return add(Type.DOLLAR_STRING, start, n, false);
        }
        return add(Type.DOLLAR_STRING, start, close + tag.length(), true);
    }

    private int number(int start) {
        int i = start;
        while (i < n && isDigit(sql.charAt(i))) {
            i++;
        }
        // "1..2" is an integer and "..": only a dot that is not followed by another one is a decimal point
        if (at(i) == '.' && at(i + 1) != '.') {
            i++;
            while (i < n && isDigit(sql.charAt(i))) {
                i++;
            }
        }
        if ((at(i) == 'e' || at(i) == 'E')
                && (isDigit(at(i + 1)) || ((at(i + 1) == '+' || at(i + 1) == '-') && isDigit(at(i + 2))))) {
            i += 2;
            while (i < n && isDigit(sql.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < n && !isNewline(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private int add(Type type, int start, int end, boolean complete) {
        tokens.add(new SqlToken(type, start, end, sql.substring(start, end), complete));
        return end;
    }

    private boolean startsWith(int i, String prefix) {
        return sql.startsWith(prefix, i);
    }

    private char at(int i) {
        return i < n ? sql.charAt(i) : '\0';
    }

    /** PostgreSQL 15's {@code space}: no vertical tab (PostgreSQL 16 added it). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isHorizontalSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code [A-Za-z\200-\377_]} on UTF-8 bytes: every non-ASCII character qualifies. */
    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c > 127;
    }

    static boolean isIdentifierContinue(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDollarTagContinue(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
