package dev.planetary.kernel.spec;

/**
 * The comment an object had when a comment on it was proposed, read by Planetary (a client's copy
 * is always replaced), kept verbatim so the inverse puts exactly it back; {@code text} is null when
 * the object had none.
 */
public record PreviousComment(String text) {

    public static final PreviousComment NONE = new PreviousComment(null);

    public PreviousComment {
        if (text != null) {
            SpecViolation.sendable("previous.text", text, "a comment");
        }
    }
}
