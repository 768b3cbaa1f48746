package dev.planetary.ui.health;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.planetary.kernel.health.HealthHistory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target's figures over the last hours as charts (sampled every minute into Planetary's own
 * database), each change applied meanwhile a dashed line across them, so a slope that starts at an
 * apply shows which change it followed.
 */
class OverTimePanel extends VerticalLayout {

    private static final Map<String, Integer> PERIODS = new LinkedHashMap<>();

    static {
        PERIODS.put("last hour", 1);
        PERIODS.put("last 6 hours", 6);
        PERIODS.put("last 24 hours", 24);
        PERIODS.put("last 7 days", 24 * 7);
    }

    private final HealthData data;
    private final Select<String> period = new Select<>();
    private final Span summary = new Span();
    private final EChart connections = new EChart("chart-connections");
    private final EChart transactions = new EChart("chart-transactions");
    private final EChart cache = new EChart("chart-cache");
    private final EChart statements = new EChart("chart-statements");
    private final EChart rows = new EChart("chart-rows");
    private final EChart dead = new EChart("chart-dead");
    private boolean loaded;

    OverTimePanel(HealthData data) {
        this.data = data;
        setPadding(false);
        setSizeFull();
        period.setLabel("Period");
        period.setItems(PERIODS.keySet());
        period.setValue("last 6 hours");
        period.setId("health-period");
        period.addValueChangeListener(e -> refresh());
        summary.setId("health-history-summary");
        summary.addClassName("health-note");
        HorizontalLayout head = new HorizontalLayout(period, summary);
        head.setAlignItems(Alignment.BASELINE);
        Div charts = new Div(connections, transactions, cache, statements, rows, dead);
        charts.addClassName("health-charts");
        add(head, charts);
    }

    void showOnce() {
        if (!loaded) {
            loaded = true;
            refresh();
        }
    }

    /** Reads the samples again if the tab has been opened (the page's Refresh). */
    void refreshIfShown() {
        if (loaded) {
            refresh();
        }
    }

    void refresh() {
        HealthHistory history = data.history(PERIODS.get(period.getValue()));
        summary.setText(history.samples().isEmpty()
                ? "No sample yet: Planetary samples this target every minute; the first points appear within two minutes."
                : history.samples().size() + " samples · " + history.applied().size() + " change(s) applied in the period, marked on the charts");
        connections.show(HealthCharts.connections(history));
        transactions.show(HealthCharts.transactions(history));
        cache.show(HealthCharts.cacheHits(history));
        statements.show(HealthCharts.statements(history));
        rows.show(HealthCharts.rowsWritten(history));
        dead.show(HealthCharts.deadRows(history));
    }
}
