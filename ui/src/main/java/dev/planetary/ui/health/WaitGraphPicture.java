package dev.planetary.ui.health;

import dev.planetary.kernel.health.SessionActivity;
import dev.planetary.kernel.health.WaitGraph;
import dev.planetary.ui.catalog.DependencyGraph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws who blocks whom as an SVG tree, server-side: each blocking session on the left (red), the
 * sessions waiting for it to its right (amber), an arrow from each waiter to the session it waits for,
 * every wait drawn (a session waiting for two gets two arrows). Texts are XML-escaped.
 */
final class WaitGraphPicture {

    private static final int WIDTH = 330;
    private static final int HEIGHT = 58;
    private static final int COLUMN = 400;
    private static final int ROW = 72;

    private WaitGraphPicture() {
    }

    private record Placed(SessionActivity session, int depth, int row, boolean root) {
    }

    static String svg(WaitGraph graph, Instant now) {
        Map<Integer, Placed> placed = new LinkedHashMap<>();
        int[] row = {0};
        for (WaitGraph.Node root : graph.roots()) {
            place(root, 0, row, placed);
        }
        int depth = placed.values().stream().mapToInt(Placed::depth).max().orElse(0);
        int width = (depth + 1) * COLUMN;
        int height = row[0] * ROW + 10;
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns='http://www.w3.org/2000/svg' role='img' aria-label='lock wait graph' width='").append(width)
                .append("' height='").append(height).append("' viewBox='0 0 ").append(width).append(' ').append(height)
                .append("' font-family='sans-serif' font-size='12'>")
                .append("<defs><marker id='waits' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='7' markerHeight='7' orient='auto'>")
                .append("<path d='M0,0 L10,5 L0,10 z' fill='#b71c1c'/></marker></defs>");
        for (WaitGraph.Edge edge : graph.edges()) {
            Placed waiter = placed.get(edge.waiter());
            Placed blocker = placed.get(edge.blocker());
            if (waiter != null && blocker != null) {
                svg.append("<path d='M").append(x(waiter)).append(',').append(y(waiter) + HEIGHT / 2)
                        .append(" C").append(x(waiter) - 40).append(',').append(y(waiter) + HEIGHT / 2).append(' ')
                        .append(x(blocker) + WIDTH + 40).append(',').append(y(blocker) + HEIGHT / 2).append(' ')
                        .append(x(blocker) + WIDTH).append(',').append(y(blocker) + HEIGHT / 2)
                        .append("' fill='none' stroke='#b71c1c' stroke-width='1.5' marker-end='url(#waits)'/>");
            }
        }
        for (Placed node : placed.values()) {
            SessionActivity s = node.session();
            String first = "pid " + s.pid() + " · " + s.role() + (blank(s.application()) ? "" : " · " + s.application());
            String second = node.root() && !s.blocked()
                    ? "blocks " + sessions(waitingCount(graph, s.pid())) + " · " + s.displayState() + " for " + Ages.since(stateSince(s), now)
                    : "waits " + Ages.since(s.queryStart(), now) + (s.waitingFor() == null ? "" : " for " + s.waitingFor());
            svg.append("<g class='wait-node' data-pid='").append(s.pid()).append("'><rect x='").append(x(node)).append("' y='")
                    .append(y(node)).append("' rx='6' width='").append(WIDTH).append("' height='").append(HEIGHT).append("' fill='")
                    .append(node.root() ? "#ffebee" : "#fff3e0").append("' stroke='").append(node.root() ? "#c62828" : "#ef6c00")
                    .append("'/>")
                    .append(text(x(node) + 10, y(node) + 17, first, "bold", 48))
                    .append(text(x(node) + 10, y(node) + 33, second, "normal", 52))
                    .append(text(x(node) + 10, y(node) + 49, s.query() == null ? "" : s.query().strip().replaceAll("\\s+", " "),
                            "mono", 50))
                    .append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    private static void place(WaitGraph.Node node, int depth, int[] row, Map<Integer, Placed> placed) {
        placed.put(node.session().pid(), new Placed(node.session(), depth, row[0], depth == 0));
        if (node.waiting().isEmpty()) {
            row[0]++;
        }
        for (WaitGraph.Node waiter : node.waiting()) {
            place(waiter, depth + 1, row, placed);
        }
    }

    private static int waitingCount(WaitGraph graph, int pid) {
        List<WaitGraph.Node> pending = new ArrayList<>(graph.roots());
        while (!pending.isEmpty()) {
            WaitGraph.Node node = pending.remove(0);
            if (node.session().pid() == pid) {
                return node.waitingInAll();
            }
            pending.addAll(node.waiting());
        }
        return 0;
    }

    private static String sessions(int count) {
        return count + (count == 1 ? " session" : " sessions");
    }

    private static Instant stateSince(SessionActivity s) {
        return s.transactionStart() != null ? s.transactionStart() : s.queryStart();
    }

    private static String text(int x, int y, String content, String style, int max) {
        String shown = content.length() > max ? content.substring(0, max - 1) + "…" : content;
        String font = switch (style) {
            case "bold" -> " font-weight='bold' fill='#1b2733'";
            case "mono" -> " font-family='monospace' font-size='11' fill='#455a64'";
            default -> " fill='#37474f'";
        };
        return "<text x='" + x + "' y='" + y + "'" + font + ">" + DependencyGraph.escape(shown) + "</text>";
    }

    private static int x(Placed node) {
        return 10 + node.depth() * COLUMN;
    }

    private static int y(Placed node) {
        return 6 + node.row() * ROW;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
