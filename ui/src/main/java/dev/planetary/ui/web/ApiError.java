package dev.planetary.ui.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every API error: a stable code to branch on, a message for people, and the field at fault if any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, String field) {

    /** Planetary's own database cannot be reached: nothing was stored; try again (with the same Idempotency-Key). */
    public static final ApiError CONTROL_PLANE_UNAVAILABLE = of("control_plane_unavailable",
            "Planetary's own database cannot be reached: nothing was changed. Try again in a moment"
                    + " (with the same Idempotency-Key, a request is never stored twice)");

    /** Seconds a client waits before trying again while Planetary's database is down. */
    public static final String CONTROL_PLANE_RETRY_AFTER = "5";

    public static ApiError of(String code, String message) {
        return new ApiError(code, message, null);
    }
}
