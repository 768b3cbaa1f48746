package dev.planetary.kernel.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Two texts aligned line by line for a side-by-side view: equal lines face each other, a run of
 * lines replaced by another run is paired row by row ({@link Change#CHANGED}), and what is left
 * over is shown on one side only. The alignment is a longest common subsequence after the common
 * head and tail are set aside (definitions usually differ in a few lines); a middle too large for
 * that ({@value #MAX_CELLS} cells) is shown as one replaced block rather than aligned.
 */
public record SideBySide(List<Row> rows) {

    static final int MAX_CELLS = 4_000_000;

    public enum Change { SAME, CHANGED, ONLY_LEFT, ONLY_RIGHT }

    /** One row; {@code left} or {@code right} is null where that side has no line. */
    public record Row(String left, String right, Change change) {
    }

    public SideBySide {
        rows = List.copyOf(rows);
    }

    /** Lines of two texts; a null text (the object does not exist on that side) has no lines. */
    public static SideBySide of(String left, String right) {
        return of(lines(left), lines(right));
    }

    public static SideBySide of(List<String> left, List<String> right) {
        int head = 0;
        while (head < left.size() && head < right.size() && left.get(head).equals(right.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < left.size() - head && tail < right.size() - head
                && left.get(left.size() - 1 - tail).equals(right.get(right.size() - 1 - tail))) {
            tail++;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            rows.add(new Row(left.get(i), right.get(i), Change.SAME));
        }
        middle(left.subList(head, left.size() - tail), right.subList(head, right.size() - tail), rows);
        for (int i = tail; i > 0; i--) {
            rows.add(new Row(left.get(left.size() - i), right.get(right.size() - i), Change.SAME));
        }
        return new SideBySide(rows);
    }

    /** True when every row is the same on both sides. */
    public boolean same() {
        return rows.stream().allMatch(row -> row.change() == Change.SAME);
    }

    private static void middle(List<String> left, List<String> right, List<Row> rows) {
        if ((long) left.size() * right.size() > MAX_CELLS) {
            paired(left, right, rows);
            return;
        }
        // lcs[i][j]: length of the longest common subsequence of left[i..] and right[j..]
        int[][] lcs = new int[left.size() + 1][right.size() + 1];
        for (int i = left.size() - 1; i >= 0; i--) {
            for (int j = right.size() - 1; j >= 0; j--) {
                lcs[i][j] = left.get(i).equals(right.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        while (i < left.size() || j < right.size()) {
            if (i < left.size() && j < right.size() && left.get(i).equals(right.get(j))) {
                paired(removed, added, rows);
                removed.clear();
                added.clear();
                rows.add(new Row(left.get(i++), right.get(j++), Change.SAME));
            } else if (j < right.size() && (i == left.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(right.get(j++));
            } else {
                removed.add(left.get(i++));
            }
        }
        paired(removed, added, rows);
    }

    /** A run of removed lines and a run of added lines, paired row by row. */
    private static void paired(List<String> removed, List<String> added, List<Row> rows) {
        for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
            String l = k < removed.size() ? removed.get(k) : null;
            String r = k < added.size() ? added.get(k) : null;
            rows.add(new Row(l, r, l == null ? Change.ONLY_RIGHT : r == null ? Change.ONLY_LEFT : Change.CHANGED));
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\n", -1));
    }
}
