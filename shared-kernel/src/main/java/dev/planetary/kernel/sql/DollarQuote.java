package dev.planetary.kernel.sql;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts code (a function body) into a dollar quote whose tag the code cannot close early. PostgreSQL
 * ends a dollar quote at the first occurrence of its tag, which may start inside the code and end
 * in the closing tag (code ending in {@code $function}), so the tag is numbered until its first
 * occurrence is the closing one. The result is read back with {@link SqlLexer} as a last check.
 */
public final class DollarQuote {

    /** The tag name around a function body a requester wrote. */
    public static final String FUNCTION = "function";
    /** The tag name around code Planetary generates (view writes, masks, the audit function). */
    public static final String PLATFORM = "planetary";

    /** A tag {@link #around} may choose: {@code $function$}, {@code $planetary_2$}. */
    private static final Pattern BODY_TAG = Pattern.compile("\\$(?:" + FUNCTION + "|" + PLATFORM + ")(?:_\\d+)?\\$");

    private DollarQuote() {
    }

    /** The body tag a dollar-quoted string opens with, when Planetary put code in it; empty otherwise. */
    public static Optional<String> bodyTag(String dollarQuoted) {
        Matcher tag = BODY_TAG.matcher(dollarQuoted);
        return tag.lookingAt() ? Optional.of(tag.group()) : Optional.empty();
    }

    /** {@code $name$code$name$}, or {@code $name_1$...}, {@code $name_2$...} when the code holds the tag. */
    public static String around(String code, String name) {
        String tag = "$" + name + "$";
        for (int n = 1; (code + tag).indexOf(tag) != code.length(); n++) {
            tag = "$" + name + "_" + n + "$";
        }
        String quoted = tag + code + tag;
        List<SqlToken> tokens = SqlLexer.tokens(quoted);
        if (tokens.size() != 1 || !tokens.get(0).is(SqlToken.Type.DOLLAR_STRING) || !tokens.get(0).complete()) {
            throw new IllegalStateException("the dollar quote around the code does not read as one string");
        }
        return quoted;
    }
}
