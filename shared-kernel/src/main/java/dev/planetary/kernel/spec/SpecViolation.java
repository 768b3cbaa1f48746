package dev.planetary.kernel.spec;

import dev.planetary.kernel.sql.SqlText;

/** A spec that breaks a rule of its kind; {@code field} names the offending field of the spec. */
public class SpecViolation extends IllegalArgumentException {

    private final String field;

    public SpecViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** A list from JSON may hold nulls ("columns": [null]); they are refused here, naming the field. */
    public static <T> java.util.List<T> noNulls(String field, java.util.List<T> values) {
        for (T value : values) {
            if (value == null) {
                throw new SpecViolation(field, field + " cannot contain an empty entry");
            }
        }
        return java.util.List.copyOf(values);
    }

    /** Text that goes into SQL as a string constant: {@link SqlText#requireSendable}, naming the field. */
    public static String sendable(String field, String text, String what) {
        try {
            return SqlText.requireSendable(text, what);
        } catch (IllegalArgumentException e) {
            throw new SpecViolation(field, e.getMessage());
        }
    }

    /** Code reviewers read (a function body): {@link SqlText#requireReadable}, naming the field. */
    public static String readable(String field, String text, String what) {
        try {
            return SqlText.requireReadable(text, what);
        } catch (IllegalArgumentException e) {
            throw new SpecViolation(field, e.getMessage());
        }
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new SpecViolation(field, field + " is required");
        }
        return value;
    }
}
