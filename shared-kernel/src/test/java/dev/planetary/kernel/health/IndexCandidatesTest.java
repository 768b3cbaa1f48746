package dev.planetary.kernel.health;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IndexCandidatesTest {

    private static final Set<String> COLUMNS = Set.of("id", "customer_id", "status", "created_at", "region");

    @Test
    void equality_columns_come_first_then_one_range_column_and_each_column_alone() {
        PlanPredicates.Scan scan = new PlanPredicates.Scan("app", "orders", "o", List.of("customer_id", "status"), List.of("created_at"));

        assertThat(IndexCandidates.of(scan, COLUMNS, List.of())).extracting(IndexCandidate::columns).containsExactly(
                List.of("customer_id", "status"), List.of("customer_id", "status", "created_at"),
                List.of("customer_id"), List.of("status"), List.of("created_at"));
    }

    @Test
    void names_that_are_not_columns_of_the_table_and_indexes_it_has_are_left_out() {
        PlanPredicates.Scan scan = new PlanPredicates.Scan("app", "orders", "o", List.of("customer_id", "ghost"), List.of());

        assertThat(IndexCandidates.of(scan, COLUMNS, List.of())).extracting(IndexCandidate::columns)
                .containsExactly(List.of("customer_id"));
        assertThat(IndexCandidates.of(scan, COLUMNS, List.of(List.of("customer_id", "created_at")))).isEmpty();
    }

    @Test
    void a_candidate_renders_as_the_concurrent_create_index_of_the_kind_and_hypopg_gets_it_without_concurrently() {
        IndexCandidate candidate = new IndexCandidate("app", "orders", List.of("customer_id", "created_at"));

        assertThat(candidate.createIndex().sql()).isEqualTo(
                "CREATE INDEX CONCURRENTLY \"orders_customer_id_created_at_idx\" ON \"app\".\"orders\" USING btree (\"customer_id\", \"created_at\")");
        assertThat(candidate.hypotheticalSql()).startsWith("CREATE INDEX \"orders_customer_id_created_at_idx\" ON");
        assertThat(candidate.label()).isEqualTo("app.orders (customer_id, created_at)");
    }

    @Test
    void a_long_suggested_name_is_cut_to_what_postgresql_keeps() {
        IndexCandidate candidate = new IndexCandidate("app", "t".repeat(40), List.of("c".repeat(30)));

        assertThat(candidate.suggestedName()).hasSize(63).startsWith("t".repeat(40) + "_c");
    }
}
