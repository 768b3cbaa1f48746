package dev.planetary.kernel.jobs;

import dev.planetary.kernel.target.TargetId;

import java.time.Instant;

/**
 * An active job has not run when its schedule said it would ({@code dueAt}), well past a grace period:
 * pg_cron is stopped, its launcher cannot connect, or the job's runs queue behind a long one. Reported
 * once per missed run; operators of the target hear of it.
 */
public record JobLateEvent(String alertId, TargetId target, long jobId, String job, String schedule, Instant dueAt,
                           Instant lastStart) {

    public static String idOf(TargetId target, long jobId, Instant dueAt) {
        return "job-late-" + target.value() + "-" + jobId + "-" + dueAt.getEpochSecond();
    }

    /** The history's one line. */
    public String summary() {
        return "Job " + job + " (" + schedule + ") did not run when due at " + dueAt
                + (lastStart == null ? "; it has not run since Planetary first saw it" : "; its last run started at " + lastStart);
    }
}
