package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;

import java.time.Instant;
import java.util.List;

/**
 * At apply, the change's objects had been changed since its dry-run by changes Planetary applied
 * ({@code changedBy}); the plan ran again on them under the catalog guard and went on.
 */
public record ChangeRebasedEvent(ChangeId changeId, List<String> differences, List<String> changedBy, Instant at) {
}
