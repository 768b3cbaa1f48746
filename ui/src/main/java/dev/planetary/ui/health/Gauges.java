package dev.planetary.ui.health;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.util.Locale;

/** Small pictures of a share: a bar filled to a percentage, coloured by how good or bad it is. */
final class Gauges {

    static final String GOOD = "#2e7d32";
    static final String WARN = "#ef6c00";
    static final String BAD = "#c62828";

    private Gauges() {
    }

    /** A bar for a share where high is good (a cache hit ratio): green from {@code good}, amber from {@code fair}. */
    static Div highIsGood(Double percent, double good, double fair) {
        String colour = percent == null ? "#9e9e9e" : percent >= good ? GOOD : percent >= fair ? WARN : BAD;
        return bar(percent, colour);
    }

    /** A bar for a share where low is good (dead tuples, wraparound): amber from {@code warn}, red from {@code bad}. */
    static Div lowIsGood(Double percent, double warn, double bad) {
        String colour = percent == null ? "#9e9e9e" : percent >= bad ? BAD : percent >= warn ? WARN : GOOD;
        return bar(percent, colour);
    }

    static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, value >= 99.95 || value < 10 ? "%.2f %%" : "%.1f %%", value);
    }

    private static Div bar(Double percent, String colour) {
        Div track = new Div();
        track.addClassName("health-bar");
        Div fill = new Div();
        fill.addClassName("health-bar-fill");
        fill.getStyle().set("width", (percent == null ? 0 : Math.max(0, Math.min(100, percent))) + "%").set("background", colour);
        track.add(fill);
        Span label = new Span(percent(percent));
        label.addClassName("health-bar-label");
        Div gauge = new Div(track, label);
        gauge.addClassName("health-gauge");
        return gauge;
    }
}
