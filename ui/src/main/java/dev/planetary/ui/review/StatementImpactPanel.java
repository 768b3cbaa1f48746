package dev.planetary.ui.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.planetary.kernel.health.StatementDelta;
import dev.planetary.kernel.health.StatementImpact;

import java.util.Locale;

/**
 * An applied change's statements before and after: each statement that names a table or function it
 * touched, with its calls and mean time up to the apply and since, and how a call's time moved as a
 * bar (green: faster, red: slower; a 10 % move either way is noise and stays grey).
 */
final class StatementImpactPanel {

    /** Closer to the old mean than this is within what the next minute's cache or load would change. */
    static final double NOISE_PERCENT = 10;

    private StatementImpactPanel() {
    }

    static Component of(StatementImpact impact) {
        Div panel = new Div();
        panel.setId("statement-impact");
        panel.addClassName("statement-impact");
        if (impact.baselineAt() == null) {
            panel.add(note(impact.problem()));
            return panel;
        }
        String since = impact.statisticsSince() == null ? "since the statistics began" : "since "
                + ChangeDetailView.WHEN.format(impact.statisticsSince());
        panel.add(note("Before: every call counted " + since + " until the apply was recorded ("
                + ChangeDetailView.WHEN.format(impact.baselineAt()) + "). After: the calls since."
                + (impact.problem() == null ? "" : " " + impact.problem())));
        if (impact.statements().isEmpty()) {
            panel.add(note("No statement pg_stat_statements counted names a table or function this change touched."));
            return panel;
        }
        Grid<StatementDelta> grid = new Grid<>(StatementDelta.class, false);
        grid.setId("statement-impact-grid");
        grid.addColumn(new ComponentRenderer<>(d -> {
            Span text = new Span(d.query());
            text.addClassName("health-sql");
            text.getElement().setAttribute("title", d.query());
            return text;
        })).setHeader("Statement").setFlexGrow(3).setResizable(true);
        grid.addColumn(StatementDelta::role).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.callsBefore() + " · " + millis(d.meanMillisBefore())).setHeader("Before: calls · mean")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.callsAfter() == null ? "unknown (statistics reset)" : d.callsAfter() + " · "
                + (d.meanMillisAfter() == null ? "–" : millis(d.meanMillisAfter()))).setHeader("After: calls · mean")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(StatementImpactPanel::movement)).setHeader("Mean time").setWidth("12em").setFlexGrow(0);
        grid.setItems(impact.statements());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        panel.add(grid);
        return panel;
    }

    /** A bar from the middle: to the left when a call got faster, to the right when slower, up to ±100 %. */
    private static Component movement(StatementDelta delta) {
        Double change = delta.changePercent();
        Div track = new Div();
        track.addClassName("impact-track");
        Span label = new Span(change == null ? "no calls since" : String.format(Locale.ROOT, "%+.0f %%", change));
        label.addClassName("health-bar-label");
        if (change != null) {
            Div fill = new Div();
            fill.addClassName("impact-fill");
            double width = Math.min(50, Math.abs(change) / 2);
            String colour = Math.abs(change) < NOISE_PERCENT ? "#9e9e9e" : change < 0 ? "#2e7d32" : "#c62828";
            fill.getStyle().set("width", width + "%").set("background", colour)
                    .set(change < 0 ? "right" : "left", "50%");
            track.add(fill);
            label.getElement().setAttribute("data-direction", Math.abs(change) < NOISE_PERCENT ? "same" : change < 0 ? "faster" : "slower");
        }
        Div cell = new Div(track, label);
        cell.addClassName("health-gauge");
        return cell;
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.0f ms", millis);
    }

    private static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassName("health-note");
        return note;
    }
}
