package dev.planetary.kernel.spec.protect;

import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.trigger.TriggerEvent;


/**
 * A write a protected view accepts (INSERT, UPDATE or DELETE) and the body of the function that
 * validates or transforms it, written by the requester in PL/pgSQL. A missing body gets the
 * generated skeleton, which lets every row through unchanged.
 */
public record ViewWrite(TriggerEvent operation, String body) {


    public ViewWrite {
        SpecViolation.required("operation", operation);
        if (operation == TriggerEvent.TRUNCATE) {
            throw new SpecViolation("operation", "a view accepts INSERT, UPDATE and DELETE, not TRUNCATE");
        }
        if (body == null || body.isBlank()) {
            body = skeleton(operation);
        }
        SpecViolation.readable("body", body, "the body");
    }

    public static ViewWrite of(TriggerEvent operation) {
        return new ViewWrite(operation, null);
    }

    /** The generated body: what the function receives and what its result means. */
    public static String skeleton(TriggerEvent operation) {
        return switch (operation) {
            case INSERT -> """
                    BEGIN
                        -- new_row is the row as written to the view. Raise an exception to refuse it,
                        -- change its fields to transform it, or return NULL to skip it silently.
                        -- search_path is pg_catalog, pg_temp: qualify your own tables and functions.
                        RETURN new_row;
                    END""";
            case UPDATE -> """
                    BEGIN
                        -- old_row is the row as the view showed it, new_row the row as written.
                        -- Raise an exception to refuse the change, return a changed new_row to
                        -- transform it, or NULL to skip it. search_path is pg_catalog, pg_temp.
                        RETURN new_row;
                    END""";
            case DELETE -> """
                    BEGIN
                        -- old_row is the row as the view showed it. Return false to keep the row,
                        -- or raise an exception to refuse. search_path is pg_catalog, pg_temp.
                        RETURN true;
                    END""";
            case TRUNCATE -> throw new SpecViolation("operation", "a view cannot be truncated");
        };
    }
}
