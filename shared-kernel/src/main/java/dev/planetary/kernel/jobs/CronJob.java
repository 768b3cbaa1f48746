package dev.planetary.kernel.jobs;

import java.util.List;

/**
 * A job pg_cron runs ({@code cron.job}): its id and name, schedule, SQL command, the database it runs in
 * and the role it runs as, whether it is active, its last run (null: it has not run yet) and the statuses
 * of its latest runs, newest first ({@code recent}).
 */
public record CronJob(long id, String name, String schedule, String command, String database, String username, boolean active,
                      JobRun lastRun, List<String> recent) {

    public CronJob {
        recent = recent == null ? List.of() : List.copyOf(recent);
    }

    /** The schedule in words, or what pg_cron's own syntax Planetary does not read says ("30 seconds"). */
    public String scheduleInWords() {
        try {
            return CronSchedule.parse(schedule).describe();
        } catch (IllegalArgumentException e) {
            return schedule;
        }
    }
}
