package dev.planetary.kernel.health;

import java.util.Comparator;
import java.util.List;

/**
 * One suggested index with what it buys and what it costs: the statements it serves (each with its
 * plan cost before and after), the size hypopg estimates (null unpriced), and the write side: the
 * indexes the table has today and the row writes since the statistics were reset (inserts and
 * non-HOT updates), each of which would also have written this index. {@code best} marks the
 * candidate that saves most on its table, the one to propose.
 */
public record IndexAdvice(IndexCandidate candidate, List<AdvisedStatement> statements, Long estimatedBytes,
                          int existingIndexes, long indexedWritesSinceReset, boolean best) {

    public IndexAdvice {
        statements = statements.stream().sorted(Comparator.comparingDouble(AdvisedStatement::savedCost).reversed()
                .thenComparing(Comparator.comparingLong(AdvisedStatement::calls).reversed())).toList();
    }

    public boolean priced() {
        return statements.stream().anyMatch(s -> s.costAfter() != null);
    }

    public double savedCost() {
        return statements.stream().mapToDouble(AdvisedStatement::savedCost).sum();
    }

    /** Unpriced, candidates rank by the planner cost the statements they would serve run up today. */
    public double workloadCost() {
        return statements.stream().mapToDouble(s -> s.costBefore() * s.calls()).sum();
    }

    /** The best improvement among its statements, in percent; null when unpriced. */
    public Double bestImprovementPercent() {
        return statements.stream().map(AdvisedStatement::improvementPercent).filter(java.util.Objects::nonNull)
                .max(Double::compare).orElse(null);
    }

    IndexAdvice markedBest() {
        return new IndexAdvice(candidate, statements, estimatedBytes, existingIndexes, indexedWritesSinceReset, true);
    }
}
