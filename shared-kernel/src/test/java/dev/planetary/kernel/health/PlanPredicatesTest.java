package dev.planetary.kernel.health;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanPredicatesTest {

    /** As PostgreSQL 15 prints a generic plan with EXPLAIN (VERBOSE, FORMAT JSON), trimmed. */
    private static final String FILTERED = """
            [{"Plan": {"Node Type": "Gather", "Plans": [{"Node Type": "Seq Scan", "Relation Name": "orders",
              "Schema": "public", "Alias": "orders",
              "Filter": "((orders.created_at >= $3) AND (orders.customer_id = $1) AND ((orders.status)::text = $2) AND (lower(orders.email) = $4) AND (orders.\\"Note Id\\" = ANY ($5)) AND (orders.deleted_at IS NULL) AND (orders.code ~~ $6))"}]}}]
            """;
    private static final String JOINED = """
            [{"Plan": {"Node Type": "Aggregate", "Plans": [{"Node Type": "Hash Join", "Hash Cond": "(o.customer_id = c.id)",
              "Plans": [
                {"Node Type": "Seq Scan", "Relation Name": "orders", "Schema": "app", "Alias": "o", "Filter": "(o.created_at > $1)"},
                {"Node Type": "Hash", "Plans": [{"Node Type": "Seq Scan", "Relation Name": "customers", "Schema": "app", "Alias": "c"}]}
              ]}]}}]
            """;
    private static final String INDEXED = """
            [{"Plan": {"Node Type": "Index Scan", "Relation Name": "orders", "Schema": "public", "Alias": "orders",
              "Index Cond": "(orders.id = $1)"}}]
            """;

    @Test
    void a_filter_gives_its_equality_and_range_columns_and_leaves_expressions_and_like_out() {
        List<PlanPredicates.Scan> scans = PlanPredicates.of(FILTERED);

        assertThat(scans).singleElement().satisfies(scan -> {
            assertThat(scan.schema()).isEqualTo("public");
            assertThat(scan.table()).isEqualTo("orders");
            assertThat(scan.equality()).containsExactly("customer_id", "status", "Note Id", "deleted_at");
            assertThat(scan.range()).containsExactly("created_at");
        });
    }

    @Test
    void a_join_condition_offers_the_join_column_of_each_scanned_side() {
        List<PlanPredicates.Scan> scans = PlanPredicates.of(JOINED);

        assertThat(scans).extracting(PlanPredicates.Scan::table).containsExactly("orders", "customers");
        assertThat(scans.get(0).equality()).containsExactly("customer_id");
        assertThat(scans.get(0).range()).containsExactly("created_at");
        assertThat(scans.get(1).equality()).containsExactly("id");
    }

    @Test
    void a_plan_that_uses_an_index_already_offers_nothing() {
        assertThat(PlanPredicates.of(INDEXED)).isEmpty();
    }

    @Test
    void the_total_cost_is_the_top_node_s() {
        assertThat(PlanPredicates.totalCost("[{\"Plan\": {\"Node Type\": \"Gather\", \"Total Cost\": 4636.01}}]")).isEqualTo(4636.01);
    }

    @Test
    void what_is_not_an_explain_answer_is_refused() {
        assertThatThrownBy(() -> PlanPredicates.of("QUERY PLAN")).isInstanceOf(IllegalArgumentException.class);
    }
}
