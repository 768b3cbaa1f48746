package dev.planetary.kernel.jobs;

import dev.planetary.kernel.target.TargetId;

import java.time.Duration;
import java.time.Instant;

/**
 * A run started by an operator ended: succeeded or failed with the server's error, and when. Kept in the
 * history under the job, beside pg_cron's own runs of it.
 */
public record JobRunFinishedEvent(String runId, TargetId target, String job, long jobId, String actor, Instant start,
                                  Instant end, boolean succeeded, String message) {

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** The history's one line. */
    public String summary() {
        return "Run of job " + job + " started by " + actor + (succeeded ? " succeeded" : " failed") + " in "
                + duration().toMillis() + " ms" + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
