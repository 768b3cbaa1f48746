package dev.planetary.kernel.change;

/**
 * A command the ChangeRequest aggregate refuses. The code is stable: the REST layer maps it to an
 * HTTP status and the UI to a message.
 */
public class ChangeRuleViolation extends RuntimeException {

    public enum Code {
        /** The requester tried to approve (or reject) their own change. */
        SELF_REVIEW,
        /** Only the requester may revise or withdraw a change. */
        NOT_REQUESTER,
        /** The change is not in a state that allows this. */
        WRONG_STATE,
        /** The plan's dry-run failed or has not finished: revise the change first. */
        DRY_RUN_NOT_PASSED,
        /** This reviewer already approved this revision. */
        ALREADY_APPROVED,
        /** A required value is missing (a rejection reason, for example). */
        INVALID,
        /** A target's connection test failed or has not finished: it cannot be accepted yet. */
        CONNECTION_TEST_NOT_PASSED,
        /** The name is already taken (a target configured or registered under it). */
        NAME_TAKEN,
        /** What the request names is not there (a session that has ended). */
        NOT_FOUND
    }

    private final Code code;
    private final String field;

    public ChangeRuleViolation(Code code, String message) {
        this(code, message, null);
    }

    public ChangeRuleViolation(Code code, String message, String field) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public Code code() {
        return code;
    }

    /** The input field at fault, for {@link Code#INVALID}; null otherwise. */
    public String field() {
        return field;
    }
}
