package dev.planetary.kernel.spec.jobs;

import dev.planetary.kernel.ddl.CronJobCall;
import dev.planetary.kernel.jobs.JobFacts;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

/**
 * Unschedules one of the executor login's jobs; its run history stays in cron.job_run_details. The inverse
 * schedules it again as {@code facts} (read at proposal) describe it, under a new id.
 */
public record UnscheduleJobSpec(String name, JobFacts facts) implements ChangeSpec {

    public static final String KIND = "unschedule-job";

    public UnscheduleJobSpec {
        name = JobText.name(name);
        if (facts != null) {
            JobText.installed(facts);
            if (!facts.exists()) {
                throw new SpecViolation("name", "Planetary's executor login has no job named " + name);
            }
        }
    }

    public UnscheduleJobSpec withFacts(JobFacts facts) {
        return new UnscheduleJobSpec(name, SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        PlanBuilder plan = PlanBuilder.summarised("Unschedule job " + name).touches(JobText.ref(name)).statement(CronJobCall.unschedule(name));
        if (facts == null) {
            plan.inverseNote(JobText.INVERSE_NEEDS_FACTS);
        } else {
            CronJobCall.schedule(name, facts.schedule(), facts.command(), facts.active()).forEach(plan::inverse);
        }
        return plan.build();
    }
}
