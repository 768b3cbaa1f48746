package dev.planetary.kernel.target;

/**
 * A failure that happened because a target does not answer, whatever its type (a refusal, say): what
 * the API answers 503 {@code target_unreachable} for and the UI says in words.
 */
public interface TargetNotAnswering {

    TargetId target();

    String getMessage();
}
