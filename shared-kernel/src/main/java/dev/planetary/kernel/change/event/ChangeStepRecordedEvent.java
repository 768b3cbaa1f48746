package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.StepProgress;
import dev.planetary.kernel.change.StepStatus;

import java.time.Instant;

/** One step of an applying change started, progressed, finished, was skipped, failed or was cleaned up after. */
public record ChangeStepRecordedEvent(ChangeId changeId, int step, StepStatus status, String description,
                                      StepProgress progress, long durationMillis, String note, Instant at) {
}
