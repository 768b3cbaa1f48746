package dev.planetary.kernel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Whether a job has missed a run: the first time its schedule fires after its latest start (or, when it has
 * not run yet, after Planetary first saw it) lies more than {@code grace} in the past. Inactive jobs and
 * schedules in pg_cron's own syntax that Planetary does not read ("30 seconds") are never late.
 */
public final class JobLateness {

    private JobLateness() {
    }

    /** The missed due time, if any. */
    public static Optional<Instant> missed(CronJob job, Instant firstSeen, ZoneId zone, Instant now, Duration grace) {
        if (!job.active()) {
            return Optional.empty();
        }
        CronSchedule schedule;
        try {
            schedule = CronSchedule.parse(job.schedule());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Instant lastStart = job.lastRun() == null ? null : job.lastRun().start();
        Instant from = lastStart == null || lastStart.isBefore(firstSeen) ? firstSeen : lastStart;
        List<java.time.ZonedDateTime> next = schedule.next(from.atZone(zone), 1);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Instant due = next.get(0).toInstant();
        return due.plus(grace).isBefore(now) ? Optional.of(due) : Optional.empty();
    }
}
