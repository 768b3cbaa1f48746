package dev.planetary.kernel.jobs;

import java.util.List;

/**
 * A target's scheduled jobs. {@code problem} says, with what to do, why there are none to show (pg_cron is
 * not installed in the target's database); {@code partial} why the list may miss some (the metadata login
 * sees only its own jobs). {@code timeZone} is the one pg_cron reads schedules in (GMT unless
 * {@code cron.timezone} says otherwise).
 */
public record Jobs(String problem, String partial, String timeZone, List<CronJob> jobs) {

    public Jobs {
        jobs = List.copyOf(jobs);
    }

    public static Jobs unavailable(String problem) {
        return new Jobs(problem, null, "GMT", List.of());
    }
}
