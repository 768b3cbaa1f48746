package dev.planetary.kernel.replication;

import dev.planetary.kernel.target.TargetId;

/** What a foreign server's drop reads at proposal ({@link ForeignServerFacts}). */
public record FindForeignServerFactsQuery(TargetId target, String server) {
}
