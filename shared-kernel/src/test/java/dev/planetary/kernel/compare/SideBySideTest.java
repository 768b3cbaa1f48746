package dev.planetary.kernel.compare;

import dev.planetary.kernel.compare.SideBySide.Change;
import dev.planetary.kernel.compare.SideBySide.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SideBySideTest {

    @Test
    void equal_lines_face_each_other_and_a_replaced_line_is_paired_with_its_replacement() {
        SideBySide diff = SideBySide.of("""
                TABLE "app"."t"
                COLUMN "a" text
                COLUMN "b" integer
                COMMENT IS E'x'""", """
                TABLE "app"."t"
                COLUMN "a" character varying(20)
                COLUMN "b" integer
                COMMENT IS E'x'""");

        assertThat(diff.rows()).containsExactly(
                new Row("TABLE \"app\".\"t\"", "TABLE \"app\".\"t\"", Change.SAME),
                new Row("COLUMN \"a\" text", "COLUMN \"a\" character varying(20)", Change.CHANGED),
                new Row("COLUMN \"b\" integer", "COLUMN \"b\" integer", Change.SAME),
                new Row("COMMENT IS E'x'", "COMMENT IS E'x'", Change.SAME));
        assertThat(diff.same()).isFalse();
    }

    @Test
    void lines_on_one_side_only_are_shown_against_nothing() {
        SideBySide diff = SideBySide.of(List.of("a", "b", "c", "d"), List.of("a", "x", "c", "d", "e"));

        assertThat(diff.rows()).containsExactly(
                new Row("a", "a", Change.SAME),
                new Row("b", "x", Change.CHANGED),
                new Row("c", "c", Change.SAME),
                new Row("d", "d", Change.SAME),
                new Row(null, "e", Change.ONLY_RIGHT));
        assertThat(SideBySide.of(List.of("a", "b", "c"), List.of("a", "c")).rows()).containsExactly(
                new Row("a", "a", Change.SAME), new Row("b", null, Change.ONLY_LEFT), new Row("c", "c", Change.SAME));
    }

    @Test
    void a_line_moved_down_is_removed_above_and_added_below() {
        assertThat(SideBySide.of(List.of("x", "a", "b"), List.of("a", "b", "x")).rows()).containsExactly(
                new Row("x", null, Change.ONLY_LEFT),
                new Row("a", "a", Change.SAME),
                new Row("b", "b", Change.SAME),
                new Row(null, "x", Change.ONLY_RIGHT));
    }

    @Test
    void an_object_missing_on_one_side_is_all_on_the_other() {
        assertThat(SideBySide.of("POLICY \"p\" ON \"app\".\"t\"\nFOR SELECT", null).rows()).containsExactly(
                new Row("POLICY \"p\" ON \"app\".\"t\"", null, Change.ONLY_LEFT), new Row("FOR SELECT", null, Change.ONLY_LEFT));
        assertThat(SideBySide.of(null, "GRANT").rows()).containsExactly(new Row(null, "GRANT", Change.ONLY_RIGHT));
        assertThat(SideBySide.of("same", "same").same()).isTrue();
    }

    @Test
    void a_middle_too_large_to_align_is_one_replaced_block_between_the_common_head_and_tail() {
        List<String> left = new ArrayList<>(List.of("head"));
        List<String> right = new ArrayList<>(List.of("head"));
        for (int i = 0; i < 2_100; i++) {
            left.add("l" + i);
            right.add("r" + i);
        }
        left.add("tail");
        right.add("tail");

        List<Row> rows = SideBySide.of(left, right).rows();

        assertThat(rows).hasSize(2_102);
        assertThat(rows.get(0)).isEqualTo(new Row("head", "head", Change.SAME));
        assertThat(rows.get(1)).isEqualTo(new Row("l0", "r0", Change.CHANGED));
        assertThat(rows.get(2_100)).isEqualTo(new Row("l2099", "r2099", Change.CHANGED));
        assertThat(rows.get(2_101)).isEqualTo(new Row("tail", "tail", Change.SAME));
    }
}
