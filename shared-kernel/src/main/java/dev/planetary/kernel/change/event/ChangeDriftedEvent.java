package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;

import java.time.Instant;
import java.util.List;

/** At apply, the change's objects differed from its dry-run by changes made outside Planetary: nothing ran. */
public record ChangeDriftedEvent(ChangeId changeId, List<String> differences, Instant at) {
}
