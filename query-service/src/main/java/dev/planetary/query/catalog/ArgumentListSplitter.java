package dev.planetary.query.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits pg_get_function_arguments output ("a integer, b text DEFAULT 'x, y'::text") at the
 * commas between arguments, not those inside quotes, parentheses or brackets.
 */
final class ArgumentListSplitter {

    private ArgumentListSplitter() {
    }

    static List<String> split(String printed) {
        List<String> pieces = new ArrayList<>();
        if (printed == null || printed.isBlank()) {
            return pieces;
        }
        int depth = 0;
        char quote = 0; // the quote character we are inside of, or 0
        int start = 0;
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    boolean doubled = i + 1 < printed.length() && printed.charAt(i + 1) == quote;
                    if (doubled) {
                        i++; // '' or "" stands for the quote itself
                    } else {
                        quote = 0;
                    }
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                pieces.add(printed.substring(start, i).strip());
                start = i + 1;
            }
        }
        pieces.add(printed.substring(start).strip());
        return pieces;
    }
}
