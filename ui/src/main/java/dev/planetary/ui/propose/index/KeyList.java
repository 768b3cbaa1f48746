package dev.planetary.ui.propose.index;

import dev.planetary.kernel.ddl.IndexKey;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.kernel.sql.SqlLexer;
import dev.planetary.kernel.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An index's keys as people type them: {@code customer_id, updated_at DESC, (lower(email))}. Each
 * comma-separated item (split where PostgreSQL's lexer sees a comma outside parentheses, strings
 * and comments) is a column of the table or an expression in parentheses, then DESC if wanted.
 */
final class KeyList {

    private KeyList() {
    }

    static List<IndexKey> parse(String text, List<String> columns) {
        List<IndexKey> keys = new ArrayList<>();
        for (String item : items(text == null ? "" : text)) {
            boolean descending = false;
            String key = item;
            String upper = key.toUpperCase(Locale.ROOT);
            if (upper.endsWith(" DESC")) {
                descending = true;
                key = key.substring(0, key.length() - 5).strip();
            } else if (upper.endsWith(" ASC")) {
                key = key.substring(0, key.length() - 4).strip();
            }
            IndexKey parsed;
            if (columns.contains(key)) {
                parsed = new IndexKey(Identifier.of(key), null, descending);
            } else if (key.startsWith("(") && key.endsWith(")")) {
                parsed = new IndexKey(null, SqlFragment.of(key.substring(1, key.length() - 1)), descending);
            } else {
                throw new IllegalArgumentException("'" + key + "' is not a column of the table; write an expression in parentheses");
            }
            keys.add(parsed);
        }
        return keys;
    }

    static String format(List<IndexKey> keys) {
        return keys.stream().map(key -> (key.column() != null ? key.column().name() : "(" + key.expression().sql() + ")")
                + (key.descending() ? " DESC" : "")).collect(Collectors.joining(", "));
    }

    /** The text split at commas outside parentheses, strings and comments. */
    private static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (SqlToken token : SqlLexer.tokens(text)) {
            if (token.isPunctuation("(")) {
                depth++;
            } else if (token.isPunctuation(")")) {
                depth--;
            } else if (depth == 0 && token.isPunctuation(",")) {
                items.add(text.substring(start, token.start()).strip());
                start = token.end();
            }
        }
        items.add(text.substring(start).strip());
        return items.stream().filter(item -> !item.isEmpty()).toList();
    }
}
