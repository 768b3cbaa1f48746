package dev.planetary.kernel.replication;

import dev.planetary.kernel.target.TargetId;

/** What a slot's drop reads at proposal ({@link SlotFacts}). */
public record FindSlotFactsQuery(TargetId target, String slot) {
}
