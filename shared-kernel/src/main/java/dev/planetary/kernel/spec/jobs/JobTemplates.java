package dev.planetary.kernel.spec.jobs;

/** Jobs Planetary writes for the requester, who sees them in the form before proposing. */
public final class JobTemplates {

    /** The job that keeps pg_cron's run history to {@code days} days (every night at 03:30). */
    public static final String PURGE_RUNS_NAME = "purge-job-run-history";
    public static final int PURGE_RUNS_DAYS = 14;

    private JobTemplates() {
    }

    /**
     * The retention job: deletes pg_cron's run history older than {@code days} days every night. pg_cron's
     * row security lets it delete the runs of the jobs that run as its own role (Planetary's executor login)
     * only; a superuser's jobs keep theirs.
     */
    public static ScheduleJobSpec purgeRunHistory(int days) {
        return new ScheduleJobSpec(PURGE_RUNS_NAME, "30 3 * * *",
                "DELETE FROM cron.job_run_details WHERE end_time < now() - interval '" + days + " days'", true, null);
    }
}
