package dev.planetary.ui.health;

import dev.planetary.kernel.health.HealthHistory;
import dev.planetary.kernel.health.HealthSample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Turns a target's samples into ECharts options: levels (sessions, size, dead rows) as they were read,
 * counters (commits, blocks, rows, statements) as rates per second between neighbouring samples (a
 * counter that went down was reset: that gap is left out), and every applied change as a marked line.
 */
final class HealthCharts {

    private HealthCharts() {
    }

    /** One line of a chart: its name, colour and points [epoch millis, value]. */
    record Line(String name, String colour, List<Object[]> points, boolean area) {
    }

    static Map<String, Object> connections(HealthHistory history) {
        return chart("Sessions", "sessions", history, List.of(
                level("active", Gauges.GOOD, history, s -> s.connectionsActive(), true),
                level("idle in transaction", Gauges.WARN, history, s -> s.connectionsIdleInTransaction(), true),
                level("waiting", Gauges.BAD, history, s -> s.connectionsWaiting(), true),
                level("idle", "#90a4ae", history, s -> s.connectionsIdle(), true)), true);
    }

    static Map<String, Object> transactions(HealthHistory history) {
        return chart("Transactions and statements per second", "/s", history, List.of(
                rate("commits", "#1a73e8", history, HealthSample::commits),
                rate("rollbacks", Gauges.BAD, history, HealthSample::rollbacks),
                rate("statements", "#8e24aa", history, s -> s.statementCalls() == null ? -1 : s.statementCalls())), false);
    }

    static Map<String, Object> rowsWritten(HealthHistory history) {
        return chart("Rows written per second", "/s", history, List.of(
                rate("inserted", Gauges.GOOD, history, HealthSample::tuplesInserted),
                rate("updated", "#1a73e8", history, HealthSample::tuplesUpdated),
                rate("deleted", Gauges.BAD, history, HealthSample::tuplesDeleted)), false);
    }

    static Map<String, Object> cacheHits(HealthHistory history) {
        List<Object[]> points = new ArrayList<>();
        List<HealthSample> samples = history.samples();
        for (int i = 1; i < samples.size(); i++) {
            long hit = samples.get(i).blocksHit() - samples.get(i - 1).blocksHit();
            long read = samples.get(i).blocksRead() - samples.get(i - 1).blocksRead();
            if (hit >= 0 && read >= 0 && hit + read > 0) {
                points.add(new Object[]{samples.get(i).at().toEpochMilli(), round(100.0 * hit / (hit + read))});
            }
        }
        return chart("Cache hit ratio", "%", history, List.of(new Line("blocks found in shared buffers", Gauges.GOOD, points, false)), false);
    }

    static Map<String, Object> statements(HealthHistory history) {
        List<Object[]> mean = new ArrayList<>();
        List<HealthSample> samples = history.samples();
        for (int i = 1; i < samples.size(); i++) {
            HealthSample before = samples.get(i - 1);
            HealthSample now = samples.get(i);
            if (before.statementCalls() != null && now.statementCalls() != null && now.statementCalls() > before.statementCalls()) {
                mean.add(new Object[]{now.at().toEpochMilli(), round((now.statementMillis() - before.statementMillis())
                        / (now.statementCalls() - before.statementCalls()))});
            }
        }
        return chart("Statements: mean time per call", "ms", history, List.of(new Line("mean ms per call", "#8e24aa", mean, false)), false);
    }

    static Map<String, Object> deadRows(HealthHistory history) {
        return chart("Dead rows", "rows", history, List.of(
                level("dead rows", Gauges.WARN, history, s -> s.deadTuples(), true)), false);
    }

    private static Line level(String name, String colour, HealthHistory history, ToDoubleFunction<HealthSample> value, boolean area) {
        return new Line(name, colour, history.samples().stream()
                .map(s -> new Object[]{s.at().toEpochMilli(), value.applyAsDouble(s)}).toList(), area);
    }

    private static Line rate(String name, String colour, HealthHistory history, ToLongFunction<HealthSample> counter) {
        List<Object[]> points = new ArrayList<>();
        List<HealthSample> samples = history.samples();
        for (int i = 1; i < samples.size(); i++) {
            long before = counter.applyAsLong(samples.get(i - 1));
            long now = counter.applyAsLong(samples.get(i));
            double seconds = Duration.between(samples.get(i - 1).at(), samples.get(i).at()).toMillis() / 1000.0;
            if (before >= 0 && now >= before && seconds > 0) {
                points.add(new Object[]{samples.get(i).at().toEpochMilli(), round((now - before) / seconds)});
            }
        }
        return new Line(name, colour, points, false);
    }

    private static Map<String, Object> chart(String title, String unit, HealthHistory history, List<Line> lines, boolean stacked) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title, "left", 0, "textStyle", Map.of("fontSize", 13, "fontWeight", 600)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0, "right", 0, "textStyle", Map.of("fontSize", 11)));
        option.put("grid", Map.of("left", 48, "right", 24, "top", 48, "bottom", 28));
        // every chart spans the same period, so a change's line falls at the same place in each
        Map<String, Object> xAxis = new LinkedHashMap<>(Map.of("type", "time"));
        period(history).ifPresent(bounds -> {
            xAxis.put("min", bounds[0]);
            xAxis.put("max", bounds[1]);
        });
        option.put("xAxis", xAxis);
        option.put("yAxis", Map.of("type", "value", "name", unit, "nameTextStyle", Map.of("fontSize", 10)));
        List<Map<String, Object>> series = new ArrayList<>();
        for (Line line : lines) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", line.name());
            one.put("type", "line");
            one.put("showSymbol", false);
            one.put("data", line.points());
            one.put("itemStyle", Map.of("color", line.colour()));
            if (stacked) {
                one.put("stack", "all");
            }
            if (line.area()) {
                one.put("areaStyle", Map.of("opacity", 0.35));
            }
            series.add(one);
        }
        if (!series.isEmpty()) {
            series.get(0).put("markLine", appliedChanges(history));
        }
        option.put("series", series);
        return option;
    }

    /** The first and last moment of the samples and applied changes, in epoch millis. */
    private static java.util.Optional<long[]> period(HealthHistory history) {
        java.util.stream.LongStream.Builder moments = java.util.stream.LongStream.builder();
        history.samples().forEach(sample -> moments.add(sample.at().toEpochMilli()));
        history.applied().forEach(applied -> moments.add(applied.at().toEpochMilli()));
        java.util.LongSummaryStatistics range = moments.build().summaryStatistics();
        return range.getCount() == 0 ? java.util.Optional.empty() : java.util.Optional.of(new long[]{range.getMin(), range.getMax()});
    }

    /** A dashed vertical line at each applied change, labelled with its title. */
    private static Map<String, Object> appliedChanges(HealthHistory history) {
        Function<HealthHistory.AppliedMark, Map<String, Object>> mark = applied -> Map.of("xAxis", applied.at().toEpochMilli(),
                "name", applied.title(), "label", Map.of("formatter", shorten(applied.title()), "fontSize", 10, "position", "end", "color", "#37474f"));
        return Map.of("symbol", "none", "silent", false, "lineStyle", Map.of("color", "#37474f", "type", "dashed"),
                "data", history.applied().stream().map(mark).toList());
    }

    private static String shorten(String title) {
        return title.length() > 28 ? title.substring(0, 27) + "…" : title;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
