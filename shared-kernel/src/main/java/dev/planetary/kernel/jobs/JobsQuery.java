package dev.planetary.kernel.jobs;

import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/** A target's pg_cron jobs with their last run: answered with {@link Jobs}. */
@RequiresRight
public record JobsQuery(TargetId target) {
}
