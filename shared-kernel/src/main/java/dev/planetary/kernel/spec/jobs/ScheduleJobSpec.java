package dev.planetary.kernel.spec.jobs;

import dev.planetary.kernel.ddl.CronJobCall;
import dev.planetary.kernel.jobs.CronSchedule;
import dev.planetary.kernel.jobs.JobFacts;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

/**
 * A new pg_cron job: {@code command} (SQL the requester writes, shown verbatim) runs on {@code schedule}
 * in the target's database as Planetary's executor login, active unless said otherwise. High risk: the
 * command runs unattended, with that login's rights, on every run. {@code facts} (read at proposal) say
 * pg_cron is installed and no job of that name exists; the inverse unschedules it.
 */
public record ScheduleJobSpec(String name, String schedule, String command, Boolean active, JobFacts facts) implements ChangeSpec {

    public static final String KIND = "schedule-job";

    public ScheduleJobSpec {
        name = JobText.name(name);
        schedule = JobText.schedule(schedule);
        command = JobText.command(command);
        active = active == null || active;
        if (facts != null) {
            JobText.installed(facts);
            if (facts.exists()) {
                throw new SpecViolation("name", "a job named " + name + " exists: change it with alter-job");
            }
        }
    }

    public ScheduleJobSpec withFacts(JobFacts facts) {
        return new ScheduleJobSpec(name, schedule, command, active, SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        PlanBuilder plan = PlanBuilder.summarised("Schedule job " + name + ": " + CronSchedule.parse(schedule).describe()
                + (active ? "" : " (inactive)")).touches(JobText.ref(name));
        CronJobCall.schedule(name, schedule, command, active).forEach(plan::statement);
        return plan.inverse(CronJobCall.unschedule(name))
                .highRisk("the job's SQL runs unattended on every run, as Planetary's executor login, outside review: read it as if"
                        + " you ran it yourself")
                .finding(LintFinding.info("job-command", "the dry-run checks that the job can be scheduled; its command runs first"
                        + " at the first scheduled time (pg_cron reads the schedule in its time zone, GMT unless cron.timezone says)"))
                .build();
    }
}
