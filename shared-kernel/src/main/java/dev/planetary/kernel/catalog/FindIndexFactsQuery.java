package dev.planetary.kernel.catalog;

import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;

/**
 * The catalog's facts about one index ({@link dev.planetary.kernel.spec.IndexFacts}), read when its
 * drop is proposed; the answer is empty when there is no such index.
 */
public record FindIndexFactsQuery(TargetId target, QualifiedName index) {
}
