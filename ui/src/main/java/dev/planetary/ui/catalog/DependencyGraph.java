package dev.planetary.ui.catalog;

import dev.planetary.kernel.catalog.Catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws what a relation depends on (left) and what depends on it (right, two levels deep) as an
 * SVG picture, server-side: no client library to load. Names are XML-escaped.
 */
public final class DependencyGraph {

    private static final int NODE_WIDTH = 220;
    private static final int NODE_HEIGHT = 34;
    private static final int ROW = 48;
    private static final int COLUMN = 300;

    private DependencyGraph() {
    }

    private record Node(Catalog.ObjectName object, int column, int row) {
    }

    /** {@code edges} are all dependency edges that may matter; {@code center} is the relation drawn in the middle. */
    public static String svg(Catalog.ObjectName center, List<Catalog.Dependency> edges) {
        Map<Long, Node> nodes = new LinkedHashMap<>();
        List<long[]> lines = new ArrayList<>();
        nodes.put(center.oid(), new Node(center, 1, 0));
        int left = 0;
        int right = 0;
        int farRight = 0;
        for (Catalog.Dependency edge : edges) {
            if (edge.dependent().oid() == center.oid() && !nodes.containsKey(edge.referenced().oid())) {
                nodes.put(edge.referenced().oid(), new Node(edge.referenced(), 0, left++));
                lines.add(new long[]{edge.referenced().oid(), center.oid()});
            }
        }
        for (Catalog.Dependency edge : edges) {
            if (edge.referenced().oid() == center.oid() && !nodes.containsKey(edge.dependent().oid())) {
                nodes.put(edge.dependent().oid(), new Node(edge.dependent(), 2, right++));
                lines.add(new long[]{center.oid(), edge.dependent().oid()});
            }
        }
        for (Catalog.Dependency edge : edges) {
            Node from = nodes.get(edge.referenced().oid());
            if (from != null && from.column() == 2 && !nodes.containsKey(edge.dependent().oid())) {
                nodes.put(edge.dependent().oid(), new Node(edge.dependent(), 3, farRight++));
                lines.add(new long[]{edge.referenced().oid(), edge.dependent().oid()});
            }
        }
        int rows = Math.max(1, Math.max(left, Math.max(right, farRight)));
        int columns = farRight > 0 ? 4 : 3;
        int width = columns * COLUMN;
        int height = rows * ROW + 20;
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns='http://www.w3.org/2000/svg' role='img' width='").append(width).append("' height='")
                .append(height).append("' viewBox='0 0 ").append(width).append(' ').append(height)
                .append("' font-family='sans-serif' font-size='12'>")
                .append("<defs><marker id='arrow' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='7' markerHeight='7' orient='auto'>")
                .append("<path d='M0,0 L10,5 L0,10 z' fill='#6b7a90'/></marker></defs>");
        for (long[] line : lines) {
            Node from = nodes.get(line[0]);
            Node to = nodes.get(line[1]);
            svg.append("<line x1='").append(x(from) + NODE_WIDTH).append("' y1='").append(y(from, rows) + NODE_HEIGHT / 2)
                    .append("' x2='").append(x(to)).append("' y2='").append(y(to, rows) + NODE_HEIGHT / 2)
                    .append("' stroke='#6b7a90' stroke-width='1.4' marker-end='url(#arrow)'/>");
        }
        for (Node node : nodes.values()) {
            boolean isCenter = node.object().oid() == center.oid();
            svg.append("<g><rect x='").append(x(node)).append("' y='").append(y(node, rows)).append("' rx='6' width='")
                    .append(NODE_WIDTH).append("' height='").append(NODE_HEIGHT).append("' fill='")
                    .append(isCenter ? "#1a73e8" : fill(node.object().kind())).append("' stroke='#34495e' stroke-opacity='0.25'/>")
                    .append("<text x='").append(x(node) + 10).append("' y='").append(y(node, rows) + 21).append("' fill='")
                    .append(isCenter ? "#ffffff" : "#1b2733").append("'>")
                    .append(escape(shorten(node.object().kind() + " " + node.object().schema() + "." + node.object().name())))
                    .append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }

    private static int x(Node node) {
        return node.column() * COLUMN + 20;
    }

    private static int y(Node node, int rows) {
        // the center sits halfway down the tallest column
        int offset = node.column() == 1 ? (rows - 1) * ROW / 2 : 0;
        return 10 + offset + node.row() * ROW;
    }

    private static String fill(String kind) {
        return switch (kind) {
            case "function" -> "#fdebd0";
            case "view", "materialized view" -> "#e8f5e9";
            default -> "#e3ecfa";
        };
    }

    private static String shorten(String text) {
        return text.length() > 34 ? text.substring(0, 33) + "…" : text;
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace("\"", "&quot;");
    }
}
