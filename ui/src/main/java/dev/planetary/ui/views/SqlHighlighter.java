package dev.planetary.ui.views;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL as HTML with keywords, quoted identifiers, strings and comments marked up, server-side (no
 * client library). Everything is HTML-escaped first; only this class's own spans are markup.
 */
public final class SqlHighlighter {

    private static final Pattern TOKEN = Pattern.compile(
            "(--[^\\n]*)|('(?:[^']|'')*')|(E'(?:[^'\\\\]|\\\\.|'')*')|(\"(?:[^\"]|\"\")*\")|([A-Za-z_][A-Za-z0-9_]*)|(\\d+(?:\\.\\d+)?)"
                    // a dollar-quote tag ($$, $function$) around a function body, so its name is not read as a keyword
                    + "|(\\$(?:[A-Za-z_][A-Za-z0-9_]*)?\\$)");
    private static final Set<String> KEYWORDS = Set.of("GRANT", "REVOKE", "ON", "TO", "FROM", "WITH", "OPTION", "TABLE",
            "SCHEMA", "FUNCTION", "ALTER", "CREATE", "DROP", "POLICY", "TRIGGER", "ENABLE", "DISABLE", "FORCE", "NO", "ROW",
            "LEVEL", "SECURITY", "AS", "PERMISSIVE", "RESTRICTIVE", "FOR", "ALL", "SELECT", "INSERT", "UPDATE", "DELETE",
            "TRUNCATE", "REFERENCES", "USAGE", "EXECUTE", "USING", "CHECK", "BEFORE", "AFTER", "INSTEAD", "OF", "OR", "AND",
            "NOT", "NULL", "EACH", "STATEMENT", "WHEN", "PUBLIC", "ADMIN", "IS", "TRUE", "FALSE", "IN", "CASCADE",
            // functions and PL/pgSQL bodies
            "REPLACE", "RETURNS", "RETURN", "SETOF", "LANGUAGE", "VOLATILE", "STABLE", "IMMUTABLE", "STRICT", "DEFINER",
            "INVOKER", "SET", "COMMENT", "BEGIN", "END", "DECLARE", "IF", "THEN", "ELSE", "ELSIF", "LOOP", "WHILE", "RAISE",
            "EXCEPTION", "NOTICE", "PERFORM", "QUERY", "INTO", "VALUES", "WHERE", "CASE", "ORDER", "BY", "GROUP", "LIMIT",
            "JOIN", "LEFT", "DISTINCT", "OUT", "INOUT", "VARIADIC", "DEFAULT", "CALL", "PROCEDURE");

    private SqlHighlighter() {
    }

    public static String html(String sql) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = TOKEN.matcher(sql);
        int last = 0;
        while (matcher.find()) {
            out.append(escape(sql.substring(last, matcher.start())));
            String token = matcher.group();
            String css = matcher.group(1) != null ? "sql-comment"
                    : matcher.group(2) != null || matcher.group(3) != null || matcher.group(7) != null ? "sql-string"
                    : matcher.group(4) != null ? "sql-identifier"
                    : matcher.group(6) != null ? "sql-number"
                    : KEYWORDS.contains(token.toUpperCase()) ? "sql-keyword" : null;
            out.append(css == null ? escape(token) : "<span class=\"" + css + "\">" + escape(token) + "</span>");
            last = matcher.end();
        }
        out.append(escape(sql.substring(last)));
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
