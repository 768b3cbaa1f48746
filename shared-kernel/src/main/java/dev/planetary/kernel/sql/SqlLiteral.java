package dev.planetary.kernel.sql;

/** Renders string constants. E'' syntax makes the result independent of standard_conforming_strings. */
public final class SqlLiteral {

    private SqlLiteral() {
    }

    public static String string(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a string constant cannot contain a NUL character");
        }
        return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
