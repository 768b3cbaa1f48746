package dev.planetary.kernel.jobs;

import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/**
 * The latest runs of a target's jobs, newest first: of one job ({@code jobId} null: of every job), only
 * the failed ones when {@code failedOnly}, at most {@code limit}. Answered with a list of {@link JobRun}.
 */
@RequiresRight
public record JobRunsQuery(TargetId target, Long jobId, boolean failedOnly, int limit) {
}
