package dev.planetary.kernel.jobs;

import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

import java.time.Instant;

/**
 * The latest runs of a target's jobs, newest first: of one job ({@code jobId} null: of every job), of one
 * status ({@code status} null: any; see {@link JobRun#STATUSES}), started at or after {@code since} (null: any
 * time), at most {@code limit}. Answered with a list of {@link JobRun}.
 */
@RequiresRight
public record JobRunsQuery(TargetId target, Long jobId, String status, Instant since, int limit) {
}
