package dev.planetary.ui.review;

import dev.planetary.kernel.change.SqlError;

/** What a person can do about a failure, by SQLSTATE (PostgreSQL appendix A). */
public final class FailureAdvice {

    private FailureAdvice() {
    }

    /** Planetary's own refusal (the catalog guard's PL001), not PostgreSQL's. */
    public static boolean refusedByPlanetary(SqlError error) {
        return SqlError.UNDECLARED_CHANGE.equals(error.sqlState());
    }

    public static String of(SqlError error) {
        String state = error.sqlState() == null ? "" : error.sqlState();
        return switch (state) {
            case SqlError.UNDECLARED_CHANGE -> "The plan changed objects the change does not say it changes, so it was rolled back."
                    + " Do not approve it: reject it, and ask how a statement of its own, or something on the target"
                    + " (an event trigger, a function it calls), did more than it shows.";
            case "55P03" -> "Another session held a lock on the object longer than the lock timeout. Nothing was changed: "
                    + "look for long transactions on the target, then propose the change again at a quieter moment.";
            case "57014" -> "The statement ran longer than the statement timeout and was cancelled. Nothing was changed.";
            case "42P01" -> "A table or view named in the change does not exist: check the name, then revise the change.";
            case "42704" -> "A role, type or other object named in the change does not exist: revise the change.";
            case "42883" -> "A function named in the change does not exist with these argument types: revise the change.";
            case "42710", "42P07" -> "An object with this name already exists: pick another name or drop the old one first.";
            case "42501" -> "Planetary's DDL role lacks a privilege this change needs (it must own the objects it changes).";
            case "0LP01", "28000" -> "The grant or role membership is not allowed for these roles.";
            case "2BP01" -> "Other objects depend on this one: drop or change them first.";
            case "40P01" -> "A deadlock with another session: nothing was changed; propose the change again.";
            default -> state.startsWith("08") ? "The target database could not be reached. Nothing was changed."
                    : state.startsWith("42") ? "PostgreSQL rejected the SQL. Read its message above and revise the change."
                    : "Nothing was changed. Read PostgreSQL's message above; an operator can find more in the server log.";
        };
    }
}
