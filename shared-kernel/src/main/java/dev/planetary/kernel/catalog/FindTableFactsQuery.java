package dev.planetary.kernel.catalog;

import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;

/**
 * The catalog's facts about one table ({@link dev.planetary.kernel.spec.TableFacts}), read when a
 * protection is proposed; the answer is empty when there is no such table.
 */
public record FindTableFactsQuery(TargetId target, QualifiedName table) {
}
