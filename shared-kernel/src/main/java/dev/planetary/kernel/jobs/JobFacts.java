package dev.planetary.kernel.jobs;

/**
 * A job of Planetary's executor login as pg_cron held it when a change to it was proposed (its own jobs
 * are the ones pg_cron lets it change): {@code id} null when it has no job of that name, else the job's
 * schedule, command and whether it is active, which an inverse puts back. {@code installed} is false
 * when pg_cron is not installed in the target's database.
 */
public record JobFacts(boolean installed, Long id, String schedule, String command, boolean active) {

    public static final JobFacts NOT_INSTALLED = new JobFacts(false, null, null, null, false);
    public static final JobFacts NONE = new JobFacts(true, null, null, null, false);

    public boolean exists() {
        return id != null;
    }
}
