package dev.planetary.kernel.spec;

import dev.planetary.kernel.sql.QualifiedName;

/**
 * What a kind may read from the world while it is proposed: the catalog's facts about a table and
 * the spec of a change already applied. The command side answers from the query side; each method
 * throws {@link SpecViolation} naming {@code field} when there is nothing to read.
 */
public interface ProposalFacts {

    TableFacts table(QualifiedName table, String field);

    /** The spec of change {@code changeId}, which must have been applied. */
    ChangeSpec appliedSpec(String changeId, String field);
}
