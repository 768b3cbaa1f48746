package dev.planetary.kernel.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A job is late when the first run its schedule owes after its latest start is more than the grace in the past. */
class JobLatenessTest {

    private static final ZoneId GMT = ZoneId.of("GMT");
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final Instant SEEN = Instant.parse("2026-12-01T00:00:00Z");

    private static CronJob job(String schedule, boolean active, Instant lastStart) {
        JobRun last = lastStart == null ? null : new JobRun(1, 9, "succeeded", lastStart, lastStart.plusSeconds(1), "INSERT 0 1");
        return new CronJob(1, "tick", schedule, "SELECT 1", "app", "planetary_ddl", active, last, List.of());
    }

    @Test
    void a_minutely_job_that_stopped_running_is_late_from_the_run_after_its_last_start() {
        Instant lastStart = Instant.parse("2026-12-04T10:00:00.300Z");
        assertThat(JobLateness.missed(job("* * * * *", true, lastStart), SEEN, GMT, Instant.parse("2026-12-04T10:05:59Z"), GRACE))
                .isEmpty();
        assertThat(JobLateness.missed(job("* * * * *", true, lastStart), SEEN, GMT, Instant.parse("2026-12-04T10:06:01Z"), GRACE))
                .contains(Instant.parse("2026-12-04T10:01:00Z"));
    }

    @Test
    void a_nightly_job_scheduled_in_the_afternoon_owes_nothing_until_the_night() {
        Instant seen = Instant.parse("2026-12-04T14:00:00Z");
        assertThat(JobLateness.missed(job("0 3 * * *", true, null), seen, GMT, Instant.parse("2026-12-04T23:00:00Z"), GRACE)).isEmpty();
        assertThat(JobLateness.missed(job("0 3 * * *", true, null), seen, GMT, Instant.parse("2026-12-05T03:06:00Z"), GRACE))
                .contains(Instant.parse("2026-12-05T03:00:00Z"));
    }

    @Test
    void inactive_jobs_and_schedules_planetary_does_not_read_are_never_late() {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        assertThat(JobLateness.missed(job("* * * * *", false, null), SEEN, GMT, now, GRACE)).isEmpty();
        assertThat(JobLateness.missed(job("30 seconds", true, null), SEEN, GMT, now, GRACE)).isEmpty();
    }

    @Test
    void the_due_time_is_read_in_the_schedules_time_zone() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant seen = Instant.parse("2026-12-04T00:00:00Z");
        // 03:00 in Paris is 02:00 GMT in winter
        assertThat(JobLateness.missed(job("0 3 * * *", true, null), seen, paris, Instant.parse("2026-12-04T02:10:00Z"), GRACE))
                .contains(Instant.parse("2026-12-04T02:00:00Z"));
    }
}
