package dev.planetary.kernel.sql;

/** Renders string constants. E'' syntax makes the result independent of standard_conforming_strings. */
public final class SqlLiteral {

    private SqlLiteral() {
    }

    public static String string(String value) {
        SqlText.requireSendable(value, "a string constant");
        return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
