package dev.planetary.kernel.jobs;

import dev.planetary.kernel.target.TargetId;

import java.time.Instant;

/**
 * An operator started a run of a job now: who, why, when, and the SQL as pg_cron held it at that moment
 * (what runs, verbatim), as the role pg_cron runs it as.
 */
public record JobRunStartedEvent(String runId, TargetId target, String job, long jobId, String username, String command,
                                 String actor, String reason, Instant at) {

    /** The history's one line. */
    public String summary() {
        return "Started job " + job + " now, as " + username + ". Why: " + reason + ". It runs: " + command.strip();
    }
}
