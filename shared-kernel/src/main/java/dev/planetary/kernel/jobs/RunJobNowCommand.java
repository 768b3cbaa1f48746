package dev.planetary.kernel.jobs;

import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/**
 * An operator runs one of the executor's pg_cron jobs once, now, saying why (pg_cron 1.4 has no run-now
 * of its own): answered with the {@link JobRunStartedEvent} at once; the run's outcome follows as a
 * {@link JobRunFinishedEvent}. Both are kept in the history, under the job.
 */
@RequiresRight(PlanetaryRight.OPERATOR)
public record RunJobNowCommand(TargetId target, String job, String reason, @ActsFor String actor) {
}
