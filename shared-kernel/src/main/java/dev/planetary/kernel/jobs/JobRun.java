package dev.planetary.kernel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One run of a scheduled job ({@code cron.job_run_details}): its status (starting, running, sending,
 * connecting, succeeded, failed), when it started and ended, and what the server said (the command's
 * tag, or the error of a failed run).
 */
public record JobRun(long jobId, long runId, String status, Instant start, Instant end, String message) {

    /** The statuses pg_cron gives a run, from first to last. */
    public static final List<String> STATUSES = List.of("starting", "connecting", "sending", "running", "succeeded", "failed");

    public boolean failed() {
        return "failed".equals(status);
    }

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    /** How long it ran; null while it runs. */
    public Duration duration() {
        return start == null || end == null ? null : Duration.between(start, end);
    }
}
