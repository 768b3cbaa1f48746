package dev.planetary.kernel.health;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The btree indexes worth pricing for one scanned table: each column alone, the equality columns
 * together, and the equality columns followed by the first range column (the order in which a btree
 * serves a query best). Only real columns of the table count, and never an index the table already
 * has with the same leading columns.
 */
public final class IndexCandidates {

    /** More key columns than this rarely pays for its size in a suggestion. */
    static final int MAX_COLUMNS = 3;

    private IndexCandidates() {
    }

    /**
     * @param columns        the table's columns
     * @param existingLeads  the key columns of the table's valid indexes, each list in index order
     */
    public static List<IndexCandidate> of(PlanPredicates.Scan scan, Set<String> columns, List<List<String>> existingLeads) {
        List<String> equality = scan.equality().stream().filter(columns::contains).toList();
        List<String> range = scan.range().stream().filter(columns::contains).toList();
        Set<List<String>> keys = new LinkedHashSet<>();
        if (equality.size() > 1) {
            keys.add(first(equality, MAX_COLUMNS));
        }
        if (!equality.isEmpty() && !range.isEmpty()) {
            List<String> composite = new ArrayList<>(first(equality, MAX_COLUMNS - 1));
            composite.add(range.get(0));
            keys.add(composite);
        }
        equality.forEach(c -> keys.add(List.of(c)));
        range.forEach(c -> keys.add(List.of(c)));
        return keys.stream().filter(key -> existingLeads.stream().noneMatch(lead -> startsWith(lead, key)))
                .map(key -> new IndexCandidate(scan.schema(), scan.table(), key)).toList();
    }

    private static List<String> first(List<String> columns, int count) {
        return List.copyOf(columns.subList(0, Math.min(count, columns.size())));
    }

    /** An existing index whose leading columns are the candidate's serves the same lookups already. */
    private static boolean startsWith(List<String> existing, List<String> candidate) {
        return existing.size() >= candidate.size() && existing.subList(0, candidate.size()).equals(candidate);
    }
}
