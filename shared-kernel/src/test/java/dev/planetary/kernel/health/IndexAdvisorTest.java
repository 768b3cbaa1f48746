package dev.planetary.kernel.health;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndexAdvisorTest {

    @Test
    void an_exact_duplicate_is_dropped_not_the_index_behind_the_constraint() {
        IndexUsage primary = index(1, "t_pkey", List.of("id"), true, "t_pkey", 100);
        IndexUsage copy = index(2, "t_id_idx", List.of("id"), false, null, 5);
        List<IndexFinding> findings = IndexAdvisor.findings(List.of(primary, copy));
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(IndexFinding.Kind.DUPLICATE);
            assertThat(finding.index().name()).isEqualTo("t_id_idx");
            assertThat(finding.other()).isEqualTo("s.t_pkey");
            assertThat(finding.fix()).isEqualTo("drop-index");
        });
    }

    @Test
    void of_two_plain_duplicates_the_younger_goes() {
        List<IndexFinding> findings = IndexAdvisor.findings(List.of(index(7, "a", List.of("x"), false, null, 3),
                index(9, "b", List.of("x"), false, null, 3)));
        assertThat(findings).extracting(f -> f.index().name()).containsExactly("b");
    }

    @Test
    void a_btree_whose_keys_lead_another_is_covered_unless_it_enforces_uniqueness() {
        IndexUsage wide = index(1, "t_a_b", List.of("a", "b"), false, null, 10);
        IndexUsage narrow = index(2, "t_a", List.of("a"), false, null, 10);
        List<IndexFinding> findings = IndexAdvisor.findings(List.of(wide, narrow));
        assertThat(findings).extracting(IndexFinding::kind, f -> f.index().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IndexFinding.Kind.COVERED, "t_a"));
        IndexUsage uniqueNarrow = index(3, "t_a_unique", List.of("a"), true, null, 10);
        assertThat(IndexAdvisor.findings(List.of(wide, uniqueNarrow))).isEmpty();
        // narrow is both a duplicate of the unique one and covered by the wide one: said once, as a duplicate
        assertThat(IndexAdvisor.findings(List.of(wide, narrow, uniqueNarrow))).extracting(IndexFinding::kind, f -> f.index().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IndexFinding.Kind.DUPLICATE, "t_a"));
    }

    @Test
    void a_different_predicate_or_method_is_not_a_duplicate() {
        IndexUsage all = index(1, "all_rows", List.of("a"), false, null, 10);
        IndexUsage open = new IndexUsage(2, "s", "t", "open_rows", "btree", List.of("a"), List.of(), "status = 'open'", false, true, true,
                null, 8192, 10, 0, 0, List.of("a 1978 0"));
        IndexUsage hash = new IndexUsage(3, "s", "t", "hash_a", "hash", List.of("a"), List.of(), null, false, true, true,
                null, 8192, 10, 0, 0, List.of("a 1978 0"));
        assertThat(IndexAdvisor.findings(List.of(all, open, hash))).isEmpty();
    }

    @Test
    void never_scanned_is_unused_unless_it_enforces_something_and_invalid_is_rebuilt() {
        IndexUsage unused = index(1, "t_note", List.of("note"), false, null, 0);
        IndexUsage unusedUnique = index(2, "t_code", List.of("code"), true, null, 0);
        IndexUsage broken = new IndexUsage(3, "s", "t", "t_broken", "btree", List.of("z"), List.of(), null, false, false, true,
                null, 8192, 0, 0, 0, List.of("z 1978 0"));
        List<IndexFinding> findings = IndexAdvisor.findings(List.of(unused, unusedUnique, broken));
        assertThat(findings).extracting(IndexFinding::kind, f -> f.index().name(), IndexFinding::fix).containsExactly(
                org.assertj.core.groups.Tuple.tuple(IndexFinding.Kind.INVALID, "t_broken", "reindex"),
                org.assertj.core.groups.Tuple.tuple(IndexFinding.Kind.UNUSED, "t_note", "drop-index"));
    }

    private static IndexUsage index(long oid, String name, List<String> keys, boolean unique, String constraint, long scans) {
        return new IndexUsage(oid, "s", "t", name, "btree", keys, List.of(), null, unique, true, true, constraint, 8192, scans, 0, 0,
                keys.stream().map(key -> key + " 1978 0").toList());
    }
}
