package dev.planetary.ui.health;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.planetary.kernel.health.QueryStatistics;
import dev.planetary.kernel.health.TopStatement;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The statements that cost the most, from pg_stat_statements (normalised by PostgreSQL: constants are
 * $1, $2, ...), ordered as asked; or, when the extension cannot be read, what to do about it.
 */
class QueriesPanel extends VerticalLayout {

    static final int LIMIT = 50;

    private final Select<QueryStatistics.Order> order = new Select<>();
    private final Grid<TopStatement> grid = new Grid<>(TopStatement.class, false);
    private final Div problem = new Div();
    private final Paragraph notice = new Paragraph();

    QueriesPanel(Consumer<QueryStatistics.Order> reorder) {
        setPadding(false);
        setSizeFull();
        order.setLabel("Top " + LIMIT + " by");
        order.setItems(QueryStatistics.Order.values());
        order.setItemLabelGenerator(o -> switch (o) {
            case TOTAL_TIME -> "total time";
            case CALLS -> "calls";
            case MEAN_TIME -> "mean time";
            case ROWS -> "rows";
        });
        order.setValue(QueryStatistics.Order.TOTAL_TIME);
        order.setId("health-queries-order");
        order.addValueChangeListener(e -> reorder.accept(e.getValue()));
        problem.setId("health-queries-problem");
        problem.addClassName("health-callout");
        notice.addClassName("health-note");
        grid.setId("health-queries");
        grid.addColumn(new ComponentRenderer<>(q -> {
            Span text = new Span(q.query());
            text.addClassName("health-sql");
            text.getElement().setAttribute("title", q.query());
            return text;
        })).setHeader("Statement (normalised)").setFlexGrow(5).setResizable(true);
        grid.addColumn(TopStatement::role).setHeader("Role").setAutoWidth(true);
        grid.addColumn(q -> Ages.count(q.calls())).setHeader("Calls").setAutoWidth(true);
        grid.addColumn(q -> millis(q.totalMillis())).setHeader("Total").setAutoWidth(true);
        grid.addColumn(q -> millis(q.meanMillis())).setHeader("Mean").setAutoWidth(true);
        grid.addColumn(q -> Ages.count(q.rows())).setHeader("Rows").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(q -> Gauges.highIsGood(q.hitPercent(), 99, 95))).setHeader("Buffer hits").setWidth("9em");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        add(order, problem, notice, grid);
    }

    QueryStatistics.Order order() {
        return order.getValue();
    }

    void show(QueryStatistics statistics) {
        problem.setVisible(!statistics.available());
        problem.removeAll();
        if (!statistics.available()) {
            problem.add(VaadinIcon.INFO_CIRCLE.create(), new Span(" " + statistics.problem()));
        }
        notice.setText(statistics.notice() == null ? "" : statistics.notice());
        notice.setVisible(statistics.notice() != null);
        grid.setVisible(statistics.available());
        grid.setItems(statistics.queries());
    }

    static String millis(double millis) {
        if (millis >= 60_000) {
            return String.format(Locale.ROOT, "%.1f min", millis / 60_000);
        }
        if (millis >= 1_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1_000);
        }
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }
}
