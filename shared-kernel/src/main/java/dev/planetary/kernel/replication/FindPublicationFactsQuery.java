package dev.planetary.kernel.replication;

import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;

import java.util.List;

/**
 * What a publication change reads at proposal ({@link PublicationFacts}): the publication of that name, if any,
 * and the replica identity of its tables and of {@code tables}.
 */
public record FindPublicationFactsQuery(TargetId target, String publication, List<QualifiedName> tables) {

    public FindPublicationFactsQuery {
        tables = List.copyOf(tables);
    }
}
