package dev.planetary.kernel.spec.jobs;

import dev.planetary.kernel.jobs.CronSchedule;
import dev.planetary.kernel.jobs.JobFacts;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.SqlLexer;
import dev.planetary.kernel.sql.SqlToken;

import java.util.List;

/** What the job kinds check the same way: a job's name, schedule and command, and that pg_cron is there. */
final class JobText {

    static final String NOT_INSTALLED = "pg_cron is not installed in the target's database: install postgresql-15-cron, add"
            + " pg_cron to shared_preload_libraries, set cron.database_name to the database, restart, CREATE EXTENSION pg_cron";
    static final String INVERSE_NEEDS_FACTS = "the inverse needs the job as it was; Planetary reads it when the change is proposed";
    private static final int MAX_COMMAND = 10_000;

    private JobText() {
    }

    static String name(String name) {
        SpecViolation.required("name", name);
        String stripped = SpecViolation.sendable("name", name.strip(), "a job's name");
        if (stripped.isEmpty() || stripped.length() > 63) {
            throw new SpecViolation("name", "a job's name has 1 to 63 characters");
        }
        return stripped;
    }

    /** The schedule as written, once pg_cron's parser would read it. */
    static String schedule(String schedule) {
        try {
            return CronSchedule.parse(schedule).text();
        } catch (IllegalArgumentException e) {
            throw new SpecViolation("schedule", e.getMessage());
        }
    }

    /** The SQL the job runs, verbatim: not empty, complete (no string or comment left open), of a sane length. */
    static String command(String command) {
        SpecViolation.required("command", command);
        String text = SpecViolation.readable("command", command.strip(), "a job's command");
        if (text.isEmpty() || text.length() > MAX_COMMAND) {
            throw new SpecViolation("command", "a job's command is SQL of 1 to " + MAX_COMMAND + " characters");
        }
        List<SqlToken> tokens = SqlLexer.tokens(text);
        if (tokens.stream().anyMatch(token -> !token.complete())) {
            throw new SpecViolation("command", "the command leaves a string, quoted name or comment open");
        }
        return text;
    }

    /** The job, for history lookups ("what changed job nightly-cleanup?"). */
    static ObjectRef ref(String name) {
        return ObjectRef.job(name);
    }

    /** Refuses a change to a job where pg_cron is missing. */
    static void installed(JobFacts facts) {
        if (!facts.installed()) {
            throw new SpecViolation("name", NOT_INSTALLED);
        }
    }
}
