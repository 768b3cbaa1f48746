package dev.planetary.kernel.sql;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A type name in a function signature ({@code integer}, {@code character varying(20)},
 * {@code text[]}, {@code app.money}). Only plain lower-case words, digits in modifiers and array
 * brackets are accepted, so the name can be rendered as written; a type whose name needs quotes
 * cannot be named here yet.
 */
public record TypeName(String name) {

    private static final Pattern SAFE = Pattern.compile(
            "(?:[a-z_][a-z0-9_]*\\.)?[a-z_][a-z0-9_]*(?: [a-z_][a-z0-9_]*)*(?:\\(\\d+(?:,\\s?\\d+)?\\))?(?:\\[\\])*");

    public TypeName {
        if (name == null || !SAFE.matcher(name.strip()).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a type name this form accepts (e.g. integer, text[], app.money)");
        }
        name = name.strip();
    }

    @JsonCreator
    public static TypeName of(String name) {
        return new TypeName(name);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
