package dev.planetary.kernel.spec.view;

/**
 * How a protected view shows one column. The built-in masks live in the platform's own schema
 * ({@code planetary}) on the target and are installed by the plan that first needs them.
 */
public enum Redaction {
    /** The value as stored. */
    NONE,
    /** {@code wile@acme.test} becomes {@code w***@acme.test}. */
    MASK_EMAIL,
    /** A card number keeps its last four digits: {@code ************1111}. */
    MASK_PAN,
    /** A SHA-256 hex digest: equal values stay joinable, the value itself is gone. */
    HASH,
    /** Always NULL, keeping the column's type so clients see the same shape. */
    NULLIFY,
    /** An existing one-argument function of the reviewer's choice. */
    FUNCTION;

    /** The platform function for the built-in masks; {@code null} for NONE, NULLIFY and FUNCTION. */
    String platformFunction() {
        return switch (this) {
            case MASK_EMAIL -> "mask_email";
            case MASK_PAN -> "mask_pan";
            case HASH -> "hash";
            default -> null;
        };
    }
}
