package dev.planetary.kernel.jobs;

import dev.planetary.kernel.target.TargetId;

/**
 * The facts of the executor login's job named {@code name} on a target ({@link JobFacts}), read on the
 * command side with that login: pg_cron shows each login its own jobs, and those are the ones it may change.
 */
public record FindJobFactsQuery(TargetId target, String name) {
}
