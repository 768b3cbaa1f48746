package dev.planetary.kernel.spec.jobs;

import dev.planetary.kernel.ddl.CronJobCall;
import dev.planetary.kernel.jobs.CronSchedule;
import dev.planetary.kernel.jobs.JobFacts;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

import java.util.ArrayList;
import java.util.List;

/**
 * A change to one of the executor login's jobs: a new schedule, a new command, or enabled/disabled
 * ({@code active}); what is null stays. {@code facts} (read at proposal) are the job as it was: the
 * inverse puts each changed part back. A new command is high risk, as a new job's is.
 */
public record AlterJobSpec(String name, String schedule, String command, Boolean active, JobFacts facts) implements ChangeSpec {

    public static final String KIND = "alter-job";

    public AlterJobSpec {
        name = JobText.name(name);
        schedule = schedule == null ? null : JobText.schedule(schedule);
        command = command == null ? null : JobText.command(command);
        if (schedule == null && command == null && active == null) {
            throw new SpecViolation("schedule", "change the schedule, the command or whether the job is active");
        }
        if (facts != null) {
            JobText.installed(facts);
            if (!facts.exists()) {
                throw new SpecViolation("name", "Planetary's executor login has no job named " + name
                        + " (pg_cron lets a login change its own jobs only)");
            }
        }
    }

    public AlterJobSpec withFacts(JobFacts facts) {
        return new AlterJobSpec(name, schedule, command, active, SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        List<String> what = new ArrayList<>();
        if (schedule != null) {
            what.add("runs " + CronSchedule.parse(schedule).describe());
        }
        if (command != null) {
            what.add("a new command");
        }
        if (active != null) {
            what.add(active ? "enabled" : "disabled");
        }
        PlanBuilder plan = PlanBuilder.summarised("Job " + name + ": " + String.join(", ", what))
                .touches(JobText.ref(name))
                .statement(CronJobCall.alter(name, schedule, command, active));
        if (facts == null) {
            plan.inverseNote(JobText.INVERSE_NEEDS_FACTS);
        } else {
            plan.inverse(CronJobCall.alter(name, schedule == null ? null : facts.schedule(), command == null ? null : facts.command(),
                    active == null ? null : facts.active()));
        }
        if (command != null) {
            plan.highRisk("the job's new SQL runs unattended on every run, as Planetary's executor login, outside review");
        }
        return plan.build();
    }
}
