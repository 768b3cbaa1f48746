package dev.planetary.kernel.spec;

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

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new SpecViolation(field, field + " is required");
        }
        return value;
    }
}
