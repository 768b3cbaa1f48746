package dev.planetary.kernel.jobs;

import dev.planetary.kernel.target.TargetId;

import java.time.Instant;

/**
 * A run of a job failed on a target (pg_cron's own run, read from {@code cron.job_run_details}): which job,
 * which run, when, and the server's error. {@code firstInARow}: the job's run before it did not fail, so this
 * starts a series; operators of the target hear of that one (not of every minute of a job that keeps
 * failing). The history keeps each under the job.
 */
public record JobFailedEvent(String alertId, TargetId target, long jobId, String job, long runId, Instant start, Instant end,
                             String message, boolean firstInARow) {

    public static String idOf(TargetId target, long runId) {
        return "job-failed-" + target.value() + "-" + runId;
    }

    /** The job's name, or "job 7" for one pg_cron holds without a name. */
    public static String display(String name, long jobId) {
        return name == null || name.isBlank() ? "job " + jobId : name;
    }

    /** The history's one line. */
    public String summary() {
        return "Job " + job + " failed (run " + runId + "): " + (message == null || message.isBlank() ? "no message" : message.strip());
    }
}
