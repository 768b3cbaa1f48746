package dev.planetary.kernel.sql;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL identifier (role, schema, table, column, policy, trigger name). The one place where
 * identifiers are quoted: {@link #quoted()} always double-quotes and doubles embedded quotes, so a
 * name is never interpreted as SQL whatever it contains. A name must reach PostgreSQL unchanged
 * ({@link SqlText}: no NUL, no unpaired surrogate, no bidirectional controls) and fit in 63 bytes.
 */
public record Identifier(String name) implements Comparable<Identifier> {

    /** NAMEDATALEN - 1: PostgreSQL silently truncates longer names, which would target another object. */
    public static final int MAX_BYTES = 63;

    public Identifier {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an identifier cannot be empty");
        }
        SqlText.requireReadable(name, "an identifier");
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "an identifier is at most " + MAX_BYTES + " bytes (UTF-8); '" + name + "' is longer");
        }
    }

    @JsonCreator
    public static Identifier of(String name) {
        return new Identifier(name);
    }

    /** The identifier as SQL: always quoted, so case and special characters are kept exactly. */
    public String quoted() {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public int compareTo(Identifier other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
