package dev.planetary.kernel.sql;

import java.util.regex.Pattern;

/** Renders string constants. E'' syntax makes the result independent of standard_conforming_strings. */
public final class SqlLiteral {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private SqlLiteral() {
    }

    public static String string(String value) {
        SqlText.requireSendable(value, "a string constant");
        return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * A constant of letters, digits, {@code _ . -} only, written without E: such text reads the same
     * whatever standard_conforming_strings says, so it needs no escaping. For the platform's fixed
     * words that its generated SQL has always written so ({@code 'fail-open'}, {@code 'audit'}).
     */
    public static String plain(String value) {
        if (value == null || !PLAIN.matcher(value).matches()) {
            throw new IllegalArgumentException("not a plain constant: " + value);
        }
        return "'" + value + "'";
    }
}
