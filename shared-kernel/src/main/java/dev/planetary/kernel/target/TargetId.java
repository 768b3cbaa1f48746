package dev.planetary.kernel.target;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * The name of a target database Planetary manages ({@code dev}, {@code staging-eu}, ...): lower
 * case letters, digits and dashes, so that it reads the same in a URL, a configuration key and a
 * metric. Set-ups with one target (every set-up before targets existed) use {@link #DEFAULT}: an
 * event recorded before then has no target, and {@link #orDefault} reads it as the default one.
 */
public record TargetId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    public static final TargetId DEFAULT = new TargetId("default");

    public TargetId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a target's name is 1 to 40 lower-case letters, digits and dashes, "
                    + "starting with a letter: '" + value + "' is not one");
        }
    }

    @JsonCreator
    public static TargetId of(String value) {
        return new TargetId(value);
    }

    /** The target a message names, or the default target for a message recorded before targets existed. */
    public static TargetId orDefault(TargetId target) {
        return target == null ? DEFAULT : target;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
