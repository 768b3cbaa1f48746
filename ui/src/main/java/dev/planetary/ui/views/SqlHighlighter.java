package dev.planetary.ui.views;

import dev.planetary.kernel.sql.DollarQuote;
import dev.planetary.kernel.sql.SqlLexer;
import dev.planetary.kernel.sql.SqlToken;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SQL as HTML with keywords, quoted identifiers, strings and comments marked up, server-side (no
 * client library). Tokens come from {@link SqlLexer}, the lexer that checks fragments and follows
 * PostgreSQL's, so reviewers see a string or a comment end exactly where the server ends it; text
 * that PostgreSQL would read as unterminated is marked as such. A function body Planetary quoted
 * ({@code $function$}, {@code $planetary$}) is highlighted inside as code; any other dollar-quoted
 * string is shown as the string it is. Everything is HTML-escaped; only this class's spans are markup.
 */
public final class SqlHighlighter {

    private static final Set<String> KEYWORDS = Set.of("GRANT", "REVOKE", "ON", "TO", "FROM", "WITH", "OPTION", "TABLE",
            "SCHEMA", "FUNCTION", "ALTER", "CREATE", "DROP", "POLICY", "TRIGGER", "ENABLE", "DISABLE", "FORCE", "NO", "ROW",
            "LEVEL", "SECURITY", "AS", "PERMISSIVE", "RESTRICTIVE", "FOR", "ALL", "SELECT", "INSERT", "UPDATE", "DELETE",
            "TRUNCATE", "REFERENCES", "USAGE", "EXECUTE", "USING", "CHECK", "BEFORE", "AFTER", "INSTEAD", "OF", "OR", "AND",
            "NOT", "NULL", "EACH", "STATEMENT", "WHEN", "PUBLIC", "ADMIN", "IS", "TRUE", "FALSE", "IN", "CASCADE",
            // functions and PL/pgSQL bodies
            "REPLACE", "RETURNS", "RETURN", "SETOF", "LANGUAGE", "VOLATILE", "STABLE", "IMMUTABLE", "STRICT", "DEFINER",
            "INVOKER", "SET", "COMMENT", "BEGIN", "END", "DECLARE", "IF", "THEN", "ELSE", "ELSIF", "LOOP", "WHILE", "RAISE",
            "EXCEPTION", "NOTICE", "PERFORM", "QUERY", "INTO", "VALUES", "WHERE", "CASE", "ORDER", "BY", "GROUP", "LIMIT",
            "JOIN", "LEFT", "DISTINCT", "OUT", "INOUT", "VARIADIC", "DEFAULT", "CALL", "PROCEDURE",
            // indexes, views, owners and maintenance
            "INDEX", "UNIQUE", "CONCURRENTLY", "INCLUDE", "REINDEX", "VIEW", "OWNER", "COLUMN", "VACUUM", "ANALYZE",
            "CLUSTER", "EXISTS");

    private SqlHighlighter() {
    }

    public static String html(String sql) {
        StringBuilder out = new StringBuilder();
        for (SqlToken token : SqlLexer.tokens(sql)) {
            out.append(html(token));
        }
        return out.toString();
    }

    private static String html(SqlToken token) {
        String text = token.text();
        Optional<String> bodyTag = token.is(SqlToken.Type.DOLLAR_STRING) && token.complete()
                ? DollarQuote.bodyTag(text) : Optional.empty();
        if (bodyTag.isPresent()) {
            String tag = bodyTag.get();
            return span("sql-string", tag) + html(text.substring(tag.length(), text.length() - tag.length())) + span("sql-string", tag);
        }
        String css = switch (token.type()) {
            case LINE_COMMENT, BLOCK_COMMENT -> "sql-comment";
            case STRING, DOLLAR_STRING -> "sql-string";
            case QUOTED_IDENTIFIER -> "sql-identifier";
            case NUMBER -> "sql-number";
            case WORD -> KEYWORDS.contains(text.toUpperCase(Locale.ROOT)) ? "sql-keyword" : null;
            default -> null;
        };
        if (!token.complete()) {
            css = (css == null ? "" : css + " ") + "sql-unterminated";
        }
        return css == null ? escape(text) : span(css, text);
    }

    private static String span(String css, String text) {
        return "<span class=\"" + css + "\">" + escape(text) + "</span>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
