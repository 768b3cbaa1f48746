package dev.planetary.ui.target;

import dev.planetary.kernel.target.TargetId;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A page asked a target that did not answer: the page says so, instead of failing, and offers the others. */
public class TargetUnreachableException extends RuntimeException {

    private final TargetId target;

    public TargetUnreachableException(TargetId target, Throwable cause) {
        super("the target " + target + " could not be reached", cause);
        this.target = target;
    }

    public TargetId target() {
        return target;
    }

    /**
     * The answer to a question asked of the session's target; when its server could not be reached
     * (the query side's pool gave up), a {@link TargetUnreachableException} the error page shows.
     */
    public static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof org.springframework.dao.DataAccessResourceFailureException) {
                    throw new TargetUnreachableException(CurrentTarget.id(), cause);
                }
            }
            throw e;
        }
    }
}
