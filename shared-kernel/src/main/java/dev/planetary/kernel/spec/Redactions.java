package dev.planetary.kernel.spec;

import dev.planetary.kernel.sql.QualifiedName;

/**
 * The platform's masking functions, installed on the target by the first plan that needs them.
 * They are STRICT (NULL stays NULL), IMMUTABLE and PARALLEL SAFE so the planner can treat a
 * masked column like any expression, and keep EXECUTE for PUBLIC: PostgreSQL checks a view's
 * functions against the caller, not the view's owner.
 */
final class Redactions {

    private Redactions() {
    }

    static String install(QualifiedName function, Redaction redaction) {
        String body = switch (redaction) {
            case MASK_EMAIL -> "SELECT CASE WHEN strpos(value, '@') > 1"
                    + " THEN left(value, 1) || repeat('*', strpos(value, '@') - 2) || substr(value, strpos(value, '@'))"
                    + " ELSE repeat('*', length(value)) END";
            case MASK_PAN -> "SELECT CASE WHEN length(value) >= 12"
                    + " THEN repeat('*', length(value) - 4) || right(value, 4)"
                    + " ELSE repeat('*', length(value)) END";
            case HASH -> "SELECT encode(sha256(convert_to(value, 'UTF8')), 'hex')";
            default -> throw new IllegalArgumentException(redaction + " is not a platform function");
        };
        return "CREATE OR REPLACE FUNCTION " + function.quoted() + "(value text) RETURNS text"
                + " LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS " + ViewWrite.TAG + body + ViewWrite.TAG;
    }
}
