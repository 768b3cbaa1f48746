package dev.planetary.kernel.sql;

/**
 * One token of SQL text as PostgreSQL's lexer delimits it: {@code start} inclusive, {@code end}
 * exclusive, in UTF-16 indexes of the text. {@code complete} is false when the text ended inside the
 * token (an unterminated string, quoted identifier or comment), as PostgreSQL would report.
 */
public record SqlToken(Type type, int start, int end, String text, boolean complete) {

    public enum Type {
        WHITESPACE,
        LINE_COMMENT,
        BLOCK_COMMENT,
        /** A plain word: a keyword or an unquoted identifier. */
        WORD,
        /** {@code "name"} or {@code U&"name"}. */
        QUOTED_IDENTIFIER,
        /** {@code 'text'}, {@code E'text'}, {@code U&'text'}, {@code B'0101'}, {@code X'ff'}, {@code N'text'}, with continuations. */
        STRING,
        /** {@code $tag$text$tag$}. */
        DOLLAR_STRING,
        NUMBER,
        /** {@code $1}. */
        PARAMETER,
        /** A run of operator characters, ended where a comment starts. */
        OPERATOR,
        /** One of {@code , ( ) [ ] . ; :}, or {@code ::} or {@code ..}. */
        PUNCTUATION,
        /** A character PostgreSQL's lexer returns on its own and its parser refuses ({@code \}, {@code {}, a lone {@code $}). */
        OTHER
    }

    public boolean is(Type candidate) {
        return type == candidate;
    }

    public boolean isPunctuation(String punctuation) {
        return type == Type.PUNCTUATION && text.equals(punctuation);
    }
}
