package dev.planetary.kernel.catalog;

import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;

/**
 * The catalog's facts about one table's storage parameters ({@link dev.planetary.kernel.spec.StorageFacts}),
 * read when a change to them is proposed; the answer is empty when there is no such table.
 */
public record FindStorageFactsQuery(TargetId target, QualifiedName table) {
}
