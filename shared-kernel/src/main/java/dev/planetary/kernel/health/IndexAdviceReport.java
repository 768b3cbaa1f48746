package dev.planetary.kernel.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Index advice from the workload: candidates drawn from the generic plans of the top statements in
 * pg_stat_statements, priced with hypopg when the target has it. {@code problem} says why there is no
 * advice at all (pg_stat_statements missing), {@code pricing} how to get prices when hypopg is not
 * installed (null when priced), {@code skipped} why some statements could not be planned.
 */
public record IndexAdviceReport(List<IndexAdvice> advice, int statementsPlanned, List<String> skipped, String pricing,
                                String problem) {

    /** A priced candidate is kept only when it makes some statement's plan at least this much cheaper. */
    public static final double MIN_IMPROVEMENT_PERCENT = 10;

    public IndexAdviceReport {
        advice = List.copyOf(advice);
        skipped = List.copyOf(skipped);
    }

    public static IndexAdviceReport unavailable(String problem) {
        return new IndexAdviceReport(List.of(), 0, List.of(), null, problem);
    }

    public boolean priced() {
        return pricing == null && problem == null;
    }

    /**
     * The advice to show: priced candidates that help enough, ranked by cost saved, the best of each
     * table marked; unpriced ones ranked by the workload cost they would serve.
     */
    public static IndexAdviceReport of(List<IndexAdvice> candidates, int statementsPlanned, List<String> skipped, String pricing) {
        List<IndexAdvice> kept = new ArrayList<>(pricing == null
                ? candidates.stream().filter(a -> a.bestImprovementPercent() != null
                        && a.bestImprovementPercent() >= MIN_IMPROVEMENT_PERCENT).toList()
                : candidates);
        Comparator<IndexAdvice> order = pricing == null ? Comparator.comparingDouble(IndexAdvice::savedCost)
                : Comparator.comparingDouble(IndexAdvice::workloadCost);
        kept.sort(order.reversed().thenComparing(a -> a.candidate().columns().size()));
        Map<String, IndexAdvice> bestOfTable = kept.stream().collect(Collectors.toMap(
                a -> a.candidate().qualifiedTable().display(), a -> a, (first, later) -> first));
        List<IndexAdvice> marked = kept.stream().map(a -> bestOfTable.get(a.candidate().qualifiedTable().display()) == a
                ? a.markedBest() : a).toList();
        return new IndexAdviceReport(marked, statementsPlanned, skipped, pricing, null);
    }
}
