package dev.planetary.kernel.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an index could serve in a plan: the tables it reads by sequential scan, each with the columns
 * its filter compares with a value (equality, or a range) and the columns that join it to another
 * table. Read from {@code EXPLAIN (VERBOSE, FORMAT JSON)}, whose conditions name columns as
 * {@code alias.column}; expressions such as {@code lower(email) = $1} are left out (they need an
 * expression index, which this advice does not guess).
 */
public final class PlanPredicates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    /** A column (maybe alias-qualified, maybe cast) opening a comparison; not a function's argument. */
    private static final Pattern COMPARISON = Pattern.compile(
            "(?:^|[^A-Za-z0-9_$\"])\\(+(?:(" + NAME + ")\\.)?(" + NAME + ")\\)?(?:::[A-Za-z_ ]+?(?:\\[\\])?)?\\)?\\s*"
                    + "(= ANY|=|<=|>=|<|>|IS NULL|~~)(?![=>])");
    private static final Pattern JOINED_COLUMN = Pattern.compile("(" + NAME + ")\\.(" + NAME + ")");
    private static final List<String> JOIN_CONDITIONS = List.of("Hash Cond", "Merge Cond", "Join Filter");

    /** A table read by sequential scan and the columns an index on it could serve, in the plan's order. */
    public record Scan(String schema, String table, String alias, List<String> equality, List<String> range) {
    }

    private PlanPredicates() {
    }

    public static List<Scan> of(String explainJson) {
        JsonNode plan = plan(explainJson);
        Map<String, Builder> scans = new LinkedHashMap<>();
        List<String> joins = new ArrayList<>();
        walk(plan, scans, joins);
        for (String condition : joins) {
            Matcher column = JOINED_COLUMN.matcher(condition);
            while (column.find()) {
                Builder scan = scans.get(unquote(column.group(1)));
                if (scan != null) {
                    scan.equality.add(unquote(column.group(2)));
                }
            }
        }
        return scans.values().stream().filter(b -> !b.equality.isEmpty() || !b.range.isEmpty()).map(Builder::build).toList();
    }

    /** The planner's estimate of the whole statement's cost, in its arbitrary units. */
    public static double totalCost(String explainJson) {
        return plan(explainJson).path("Total Cost").asDouble();
    }

    private static JsonNode plan(String explainJson) {
        try {
            JsonNode root = JSON.readTree(explainJson);
            JsonNode plan = root.isArray() ? root.path(0).path("Plan") : root.path("Plan");
            if (plan.isMissingNode()) {
                throw new IllegalArgumentException("not an EXPLAIN (FORMAT JSON) answer");
            }
            return plan;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an EXPLAIN (FORMAT JSON) answer", e);
        }
    }

    private static void walk(JsonNode node, Map<String, Builder> scans, List<String> joins) {
        if ("Seq Scan".equals(node.path("Node Type").asText()) && node.hasNonNull("Relation Name")) {
            Builder scan = new Builder(node.path("Schema").asText(null), node.path("Relation Name").asText(),
                    node.path("Alias").asText(node.path("Relation Name").asText()));
            scans.putIfAbsent(scan.alias, scan);
            if (node.hasNonNull("Filter")) {
                comparisons(node.path("Filter").asText(), scans.get(scan.alias));
            }
        }
        for (String condition : JOIN_CONDITIONS) {
            if (node.hasNonNull(condition)) {
                joins.add(node.path(condition).asText());
            }
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, scans, joins);
        }
    }

    private static void comparisons(String filter, Builder scan) {
        Matcher comparison = COMPARISON.matcher(filter);
        while (comparison.find()) {
            String alias = comparison.group(1) == null ? null : unquote(comparison.group(1));
            if (alias != null && !alias.equals(scan.alias)) {
                continue;
            }
            String column = unquote(comparison.group(2));
            switch (comparison.group(3)) {
                case "<", ">", "<=", ">=" -> scan.range.add(column);
                case "~~" -> {
                    // LIKE serves a btree only with a left-anchored pattern and the C collation: not guessed
                }
                default -> scan.equality.add(column);
            }
        }
    }

    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }

    private static final class Builder {
        private final String schema;
        private final String table;
        private final String alias;
        private final Set<String> equality = new LinkedHashSet<>();
        private final Set<String> range = new LinkedHashSet<>();

        private Builder(String schema, String table, String alias) {
            this.schema = schema;
            this.table = table;
            this.alias = alias;
        }

        private Scan build() {
            List<String> ranges = range.stream().filter(c -> !equality.contains(c)).toList();
            return new Scan(schema, table, alias, List.copyOf(equality), ranges);
        }
    }
}
