package dev.planetary.kernel.change;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** The identity of a proposed change (the ChangeRequest aggregate). */
public record ChangeId(String value) {

    public ChangeId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a change id cannot be empty");
        }
    }

    @JsonCreator
    public static ChangeId of(String value) {
        return new ChangeId(value);
    }

    public static ChangeId random() {
        return new ChangeId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon routes commands by the identifier's toString. */
    @Override
    public String toString() {
        return value;
    }
}
