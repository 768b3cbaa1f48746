package dev.planetary.kernel.spec.jobs;

import dev.planetary.kernel.jobs.CronSchedule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The jobs Planetary writes for the requester. */
class JobTemplatesTest {

    @Test
    void the_retention_job_deletes_runs_older_than_the_days_given_every_night() {
        ScheduleJobSpec purge = JobTemplates.purgeRunHistory(14);
        assertThat(purge.schedule()).isEqualTo("30 3 * * *");
        assertThat(purge.command()).isEqualTo("DELETE FROM cron.job_run_details WHERE end_time < now() - interval '14 days'");
        assertThat(CronSchedule.parse(purge.schedule()).describe()).contains("03:30");
    }
}
