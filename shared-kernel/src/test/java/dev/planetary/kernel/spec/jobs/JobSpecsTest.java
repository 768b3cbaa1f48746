package dev.planetary.kernel.spec.jobs;

import dev.planetary.kernel.jobs.JobFacts;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import org.junit.jupiter.api.Test;

import static dev.planetary.kernel.spec.Hostile.ROLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class JobSpecsTest {

    /** x"; DROP TABLE t; -- */
    private static final String NAME = ROLE.name();
    private static final String COMMAND = "DELETE FROM app.s WHERE note = 'it''s'; -- \\ done";
    private static final JobFacts EXISTING = new JobFacts(true, 7L, "0 3 * * *", "VACUUM app.s", true);

    @Test
    void a_job_is_scheduled_in_the_targets_database_every_value_a_constant_and_its_inverse_unschedules_it() {
        Plan plan = new ScheduleJobSpec(NAME, " */5  * * * * ", COMMAND, null, null).withFacts(JobFacts.NONE).plan();
        assertThat(statements(plan)).containsExactly("SELECT cron.schedule(E'x\"; DROP TABLE t; --', E'*/5 * * * *',"
                + " E'DELETE FROM app.s WHERE note = ''it''''s''; -- \\\\ done')");
        assertThat(statements(new ScheduleJobSpec("j", "@daily", "SELECT 1", false, JobFacts.NONE).plan())).hasSize(2)
                .last().asString().endsWith("active := false)");
        assertThat(inverse(plan)).containsExactly("SELECT cron.unschedule((SELECT jobid FROM cron.job WHERE jobname ="
                + " E'x\"; DROP TABLE t; --' AND username = current_user))");
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(plan.summary()).isEqualTo("Schedule job " + NAME + ": every 5 minutes");
        assertThat(plan.touches()).containsExactly(ObjectRef.job(NAME));
    }

    @Test
    void a_job_is_enabled_disabled_or_rescheduled_and_the_inverse_puts_back_only_what_changed() {
        Plan disable = new AlterJobSpec(NAME, null, null, false, null).withFacts(EXISTING).plan();
        assertThat(statements(disable)).containsExactly("SELECT cron.alter_job(job_id := (SELECT jobid FROM cron.job WHERE jobname ="
                + " E'x\"; DROP TABLE t; --' AND username = current_user), active := false)");
        assertThat(inverse(disable)).containsExactly("SELECT cron.alter_job(job_id := (SELECT jobid FROM cron.job WHERE jobname ="
                + " E'x\"; DROP TABLE t; --' AND username = current_user), active := true)");
        assertThat(disable.risk()).isEqualTo(RiskLevel.LOW);
        Plan reschedule = new AlterJobSpec(NAME, "@hourly", "VACUUM app.t", null, null).withFacts(EXISTING).plan();
        assertThat(inverse(reschedule).get(0)).endsWith("schedule := E'0 3 * * *', command := E'VACUUM app.s')");
        assertThat(reschedule.risk()).isEqualTo(RiskLevel.HIGH);
        Plan unschedule = new UnscheduleJobSpec(NAME, null).withFacts(EXISTING).plan();
        assertThat(inverse(unschedule)).containsExactly("SELECT cron.schedule(E'x\"; DROP TABLE t; --', E'0 3 * * *',"
                + " E'VACUUM app.s')");
    }

    @Test
    void bad_schedules_commands_and_missing_jobs_are_refused_naming_the_field() {
        assertViolation("schedule", () -> new ScheduleJobSpec("j", "61 * * * *", "SELECT 1", null, null));
        assertViolation("schedule", () -> new ScheduleJobSpec("j", "* * * *", "SELECT 1", null, null));
        assertViolation("command", () -> new ScheduleJobSpec("j", "* * * * *", "SELECT 'open", null, null));
        assertViolation("command", () -> new ScheduleJobSpec("j", "* * * * *", "  ", null, null));
        assertViolation("name", () -> new ScheduleJobSpec("", "* * * * *", "SELECT 1", null, null));
        assertViolation("name", () -> new ScheduleJobSpec("j", "* * * * *", "SELECT 1", null, EXISTING));
        assertViolation("name", () -> new ScheduleJobSpec("j", "* * * * *", "SELECT 1", null, JobFacts.NOT_INSTALLED));
        assertViolation("name", () -> new AlterJobSpec("j", null, null, true, JobFacts.NONE));
        assertViolation("schedule", () -> new AlterJobSpec("j", null, null, null, null));
        assertViolation("name", () -> new UnscheduleJobSpec("j", JobFacts.NONE));
    }
}
