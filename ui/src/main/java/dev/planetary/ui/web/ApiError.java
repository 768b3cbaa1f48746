package dev.planetary.ui.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every API error: a stable code to branch on, a message for people, and the field at fault if any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, String field) {

    public static ApiError of(String code, String message) {
        return new ApiError(code, message, null);
    }
}
