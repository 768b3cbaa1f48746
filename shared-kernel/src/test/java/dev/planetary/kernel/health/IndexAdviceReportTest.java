package dev.planetary.kernel.health;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndexAdviceReportTest {

    private static IndexAdvice advice(String table, List<String> columns, double before, Double after, long calls) {
        return new IndexAdvice(new IndexCandidate("app", table, columns),
                List.of(new AdvisedStatement(1, "SELECT ...", "app_user", calls, 2.0, before, after)), after == null ? null : 8192L,
                1, 100, false);
    }

    @Test
    void priced_advice_keeps_what_helps_ranks_by_cost_saved_and_marks_the_best_of_each_table() {
        IndexAdvice small = advice("orders", List.of("status"), 100, 80.0, 10);
        IndexAdvice big = advice("orders", List.of("customer_id"), 100, 5.0, 10);
        IndexAdvice useless = advice("orders", List.of("created_at"), 100, 95.0, 1000);
        IndexAdvice other = advice("invoices", List.of("due"), 50, 10.0, 1);

        IndexAdviceReport report = IndexAdviceReport.of(List.of(small, big, useless, other), 3, List.of(), null);

        assertThat(report.priced()).isTrue();
        assertThat(report.advice()).extracting(a -> a.candidate().label())
                .containsExactly("app.orders (customer_id)", "app.orders (status)", "app.invoices (due)");
        assertThat(report.advice()).extracting(IndexAdvice::best).containsExactly(true, false, true);
        assertThat(report.advice().get(0).bestImprovementPercent()).isEqualTo(95.0);
    }

    @Test
    void unpriced_advice_keeps_every_candidate_ranked_by_the_workload_it_would_serve() {
        IndexAdvice rare = advice("orders", List.of("status"), 100, null, 1);
        IndexAdvice frequent = advice("orders", List.of("customer_id"), 100, null, 50);

        IndexAdviceReport report = IndexAdviceReport.of(List.of(rare, frequent), 2, List.of("one"), "install hypopg");

        assertThat(report.priced()).isFalse();
        assertThat(report.advice()).extracting(a -> a.candidate().columns().get(0)).containsExactly("customer_id", "status");
        assertThat(report.advice().get(0).bestImprovementPercent()).isNull();
        assertThat(report.advice().get(0).priced()).isFalse();
    }
}
