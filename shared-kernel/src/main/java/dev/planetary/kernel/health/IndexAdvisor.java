package dev.planetary.kernel.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Finds the indexes to look at: invalid ones (fix: REINDEX CONCURRENTLY, or drop), exact duplicates and
 * indexes covered by a longer one (fix: drop), and unused ones (fix: drop). An index that backs a
 * constraint or enforces uniqueness is never offered for dropping as unused or covered, and of two
 * duplicates the one that enforces something is kept.
 */
public final class IndexAdvisor {

    private IndexAdvisor() {
    }

    public static List<IndexFinding> findings(List<IndexUsage> indexes) {
        List<IndexFinding> findings = new ArrayList<>();
        for (IndexUsage index : indexes) {
            if (!index.valid()) {
                findings.add(new IndexFinding(IndexFinding.Kind.INVALID, index, null,
                        "not valid: a concurrent build failed or was cancelled; writes still maintain it, no query uses it",
                        "reindex"));
            }
        }
        Map<String, List<IndexUsage>> byTable = indexes.stream().filter(IndexUsage::valid)
                .collect(Collectors.groupingBy(IndexUsage::qualifiedTable));
        java.util.Set<Long> redundant = new java.util.HashSet<>();
        for (List<IndexUsage> siblings : byTable.values()) {
            for (IndexUsage index : siblings) {
                // one finding per index: a duplicate says more than "covered"
                siblings.stream().filter(other -> other.oid() != index.oid() && comparable(index, other))
                        .flatMap(other -> redundancy(index, other).stream())
                        .min(Comparator.comparing(IndexFinding::kind))
                        .ifPresent(finding -> {
                            findings.add(finding);
                            redundant.add(index.oid());
                        });
            }
        }
        for (IndexUsage index : indexes) {
            if (index.valid() && index.scans() == 0 && !index.enforcesSomething() && !redundant.contains(index.oid())) {
                findings.add(new IndexFinding(IndexFinding.Kind.UNUSED, index, null,
                        "never scanned since the statistics were reset, yet every write to " + index.qualifiedTable() + " maintains it",
                        "drop-index"));
            }
        }
        findings.sort(Comparator.comparing(IndexFinding::kind).thenComparing(f -> f.index().qualifiedName()));
        return findings;
    }

    /** This index is made redundant by {@code other}, or not. */
    private static java.util.Optional<IndexFinding> redundancy(IndexUsage index, IndexUsage other) {
        List<String> mine = index.keySignature();
        List<String> theirs = other.keySignature();
        if (mine.equals(theirs) && index.include().equals(other.include())) {
            // of two equal indexes, keep the one that enforces something; between equals, the older (smaller oid)
            boolean keepOther = other.enforcesSomething() && !index.enforcesSomething()
                    || other.enforcesSomething() == index.enforcesSomething() && other.oid() < index.oid();
            if (keepOther && (index.constraint() == null)) {
                return java.util.Optional.of(new IndexFinding(IndexFinding.Kind.DUPLICATE, index, other.qualifiedName(),
                        "the same index as " + other.qualifiedName() + " (method, keys, operator classes, predicate)", "drop-index"));
            }
        } else if (theirs.size() > mine.size() && theirs.subList(0, mine.size()).equals(mine) && !index.enforcesSomething()
                && "btree".equals(index.method())) {
            return java.util.Optional.of(new IndexFinding(IndexFinding.Kind.COVERED, index, other.qualifiedName(),
                    "its keys lead " + other.qualifiedName() + ", which answers the same lookups", "drop-index"));
        }
        return java.util.Optional.empty();
    }

    private static boolean comparable(IndexUsage a, IndexUsage b) {
        return a.method().equals(b.method()) && Objects.equals(a.predicate(), b.predicate());
    }
}
