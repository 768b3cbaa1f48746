package dev.planetary.kernel.compare;

import java.util.List;
import java.util.Objects;

/**
 * One object that is not the same on two targets, with both sides' canonical definition and grants
 * to show side by side. Left is the reference target A, right is B ("make B like A"). The name is
 * the object's SQL name, always quoted ({@code "app"."orders"}, {@code "own_rows" ON "app"."orders"},
 * {@code "app"."total"(text)}), so it says exactly which object is meant whatever it is called. A
 * side where the object does not exist has no definition (null) and no grants.
 */
public record ObjectDifference(Kind kind, String name, Status status, String definitionLeft, String definitionRight,
                               List<String> grantsLeft, List<String> grantsRight) {

    /**
     * The object kinds a comparison looks at; policies and triggers are objects of their own, and so
     * are the default privileges of one role in one schema for one type of object.
     */
    public enum Kind { SCHEMA, TYPE, SEQUENCE, TABLE, VIEW, FUNCTION, POLICY, TRIGGER, ROLE, EXTENSION, EVENT_TRIGGER, PUBLICATION,
        DEFAULT_PRIVILEGES }

    public enum Status {
        /** On the left (A) only: B lacks it. */
        MISSING_ON_RIGHT,
        /** On the right (B) only. */
        EXTRA_ON_RIGHT,
        DIFFERENT_DEFINITION,
        DIFFERENT_PRIVILEGES,
        /** Both the definition and the grants differ. */
        DIFFERENT_BOTH
    }

    public ObjectDifference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        grantsLeft = grantsLeft == null ? List.of() : List.copyOf(grantsLeft);
        grantsRight = grantsRight == null ? List.of() : List.copyOf(grantsRight);
    }

    /** {@code role "app"}, {@code default privileges FOR ROLE ...}: the name with its kind, unambiguous. */
    public static String qualifiedName(Kind kind, String name) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + name;
    }

    public String qualifiedName() {
        return qualifiedName(kind, name);
    }

    /** The two definitions aligned line by line, for the side-by-side view. */
    public SideBySide definitionDiff() {
        return SideBySide.of(definitionLeft, definitionRight);
    }

    /** The two sides' grants (sorted lines) aligned. */
    public SideBySide grantsDiff() {
        return SideBySide.of(grantsLeft, grantsRight);
    }
}
