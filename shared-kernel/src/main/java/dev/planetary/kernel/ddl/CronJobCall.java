package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.SqlLiteral;

import java.util.ArrayList;
import java.util.List;

/**
 * pg_cron's functions, called for the login's own job named {@code name} (pg_cron 1.4): schedule it, change
 * its schedule, command or activity, or unschedule it. Every value a string constant. The job runs in the
 * database pg_cron is installed in (cron.database_name), which is the target's: pg_cron 1.4 lets only
 * superusers schedule into another database ({@code cron.schedule_in_database}).
 */
public final class CronJobCall {

    private CronJobCall() {
    }

    /** {@code cron.schedule}, as this login; then, for a job that starts inactive, {@code cron.alter_job}. */
    public static List<String> schedule(String name, String schedule, String command, boolean active) {
        String scheduled = "SELECT cron.schedule(" + SqlLiteral.string(name) + ", " + SqlLiteral.string(schedule) + ", "
                + SqlLiteral.string(command) + ")";
        return active ? List.of(scheduled) : List.of(scheduled, alter(name, null, null, false));
    }

    /** {@code cron.alter_job} of the login's job of that name; null arguments stay as they are. */
    public static String alter(String name, String schedule, String command, Boolean active) {
        List<String> changes = new ArrayList<>();
        if (schedule != null) {
            changes.add("schedule := " + SqlLiteral.string(schedule));
        }
        if (command != null) {
            changes.add("command := " + SqlLiteral.string(command));
        }
        if (active != null) {
            changes.add("active := " + active);
        }
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("an alter_job changes something");
        }
        return "SELECT cron.alter_job(job_id := " + jobId(name) + ", " + String.join(", ", changes) + ")";
    }

    public static String unschedule(String name) {
        return "SELECT cron.unschedule(" + jobId(name) + ")";
    }

    /** The id of the login's job of that name: an error when there is none (alter_job of NULL fails). */
    private static String jobId(String name) {
        return "(SELECT jobid FROM cron.job WHERE jobname = " + SqlLiteral.string(name) + " AND username = current_user)";
    }
}
