package dev.planetary.ui.health;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.health.TableHealth;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.catalog.Sizes;
import dev.planetary.ui.security.CurrentUser;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every table's statistics in one grid, sortable by any figure and filtered by name: dead tuples as a
 * bar, the size split into heap, indexes and TOAST as a stacked bar, the transaction ID age as a share
 * of the way to wraparound. The grid renders lazily, so 10,000 tables scroll as smoothly as ten.
 */
class TablesPanel extends VerticalLayout {

    private final Grid<TableHealth> grid = new Grid<>(TableHealth.class, false);
    private final TextField filter = new TextField();
    private final Span summary = new Span();
    private ListDataProvider<TableHealth> rows = new ListDataProvider<>(List.of());
    private Instant now = Instant.EPOCH;

    TablesPanel() {
        setPadding(false);
        setSizeFull();
        filter.setPlaceholder("Filter by schema or table");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setId("health-tables-filter");
        filter.addValueChangeListener(e -> applyFilter());
        summary.setId("health-tables-summary");
        grid.setId("health-tables");
        grid.addColumn(TableHealth::qualifiedName).setHeader("Table").setSortable(true).setWidth("16em").setFlexGrow(1).setResizable(true);
        grid.addColumn(t -> Ages.count(t.liveTuples())).setHeader("Live rows").setComparator(TableHealth::liveTuples).setAutoWidth(true);
        grid.addColumn(t -> Ages.count(t.deadTuples())).setHeader("Dead rows").setComparator(TableHealth::deadTuples).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(t -> Gauges.lowIsGood(t.deadPercent(), 10, 20))).setHeader("Dead %")
                .setComparator(Comparator.comparing(t -> t.deadPercent() == null ? -1 : t.deadPercent())).setWidth("9em");
        grid.addColumn(t -> Ages.since(t.lastVacuumOfAnyKind(), now)).setHeader("Vacuumed")
                .setComparator(Comparator.comparing(TableHealth::lastVacuumOfAnyKind, Comparator.nullsFirst(Comparator.naturalOrder())))
                .setTooltipGenerator(t -> "manual: " + Ages.since(t.lastVacuum(), now) + " ago · autovacuum: "
                        + Ages.since(t.lastAutovacuum(), now) + " ago · " + t.vacuumCount() + " + " + t.autovacuumCount() + " runs")
                .setAutoWidth(true);
        grid.addColumn(t -> Ages.since(t.lastAnalyzeOfAnyKind(), now)).setHeader("Analyzed")
                .setComparator(Comparator.comparing(TableHealth::lastAnalyzeOfAnyKind, Comparator.nullsFirst(Comparator.naturalOrder())))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(TablesPanel::sizeBar)).setHeader("Size (heap · indexes · TOAST)")
                .setComparator(TableHealth::totalBytes).setWidth("15em");
        grid.addColumn(new ComponentRenderer<>(t -> Gauges.lowIsGood(100.0 * t.transactionIdAge() / TableHealth.WRAPAROUND_LIMIT, 10, 50)))
                .setHeader("XID age").setComparator(TableHealth::transactionIdAge).setWidth("9em")
                .setTooltipGenerator(t -> Ages.count(t.transactionIdAge()) + " transactions old; "
                        + Ages.count(t.transactionIdsToWraparound()) + " to wraparound");
        grid.addColumn(t -> Ages.count(t.seqScans()) + " / " + Ages.count(t.indexScans())).setHeader("Seq / index scans")
                .setComparator(TableHealth::seqScans).setAutoWidth(true);
        grid.addColumn(t -> Gauges.percent(t.cacheHitPercent())).setHeader("Cache hit")
                .setComparator(Comparator.comparing(t -> t.cacheHitPercent() == null ? -1 : t.cacheHitPercent())).setAutoWidth(true);
        if (CurrentUser.has(PlanetaryRight.REQUESTER)) {
            grid.addColumn(new ComponentRenderer<>(TablesPanel::maintenance)).setHeader("").setAutoWidth(true).setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMultiSort(true);
        grid.setSizeFull();
        add(new Div(filter, summary), grid);
    }

    void show(List<TableHealth> tables, Instant readAt) {
        now = readAt;
        rows = new ListDataProvider<>(tables);
        grid.setItems(rows);
        applyFilter();
    }

    private void applyFilter() {
        String wanted = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
        rows.setFilter(t -> wanted.isEmpty() || t.qualifiedName().toLowerCase(Locale.ROOT).contains(wanted));
        long shown = rows.size(new com.vaadin.flow.data.provider.Query<>());
        summary.setText(" " + Ages.count(shown) + " of " + Ages.count(rows.getItems().size()) + " tables · sizes as of each table's last VACUUM or ANALYZE");
    }

    /** The maintenance changes for one table, their forms opened on it: vacuum, analyze, storage settings. */
    private static HorizontalLayout maintenance(TableHealth table) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        for (String[] action : new String[][]{{"vacuum", "Vacuum"}, {"analyze", "Analyze"}, {"table-storage", "Storage"}}) {
            Anchor link = new Anchor("propose?" + QueryParameters.simple(
                    Map.of("kind", action[0], "schema", table.schema(), "table", table.name())).getQueryString(), action[1] + "…");
            link.getElement().setAttribute("title", "Propose " + action[1].toLowerCase(Locale.ROOT) + " of " + table.qualifiedName());
            link.addClassName("table-action");
            actions.add(link);
        }
        return actions;
    }

    private static Div sizeBar(TableHealth table) {
        long total = Math.max(1, table.totalBytes());
        Div bar = new Div();
        bar.addClassName("size-bar");
        bar.add(segment(table.heapBytes(), total, "#1a73e8"), segment(table.indexBytes(), total, "#7cb342"),
                segment(table.toastBytes(), total, "#8e24aa"));
        Span label = new Span(Sizes.bytes(table.totalBytes()));
        label.addClassName("health-bar-label");
        Div holder = new Div(bar, label);
        holder.addClassName("health-gauge");
        holder.getElement().setAttribute("title", "heap " + Sizes.bytes(table.heapBytes()) + " · indexes "
                + Sizes.bytes(table.indexBytes()) + " · TOAST " + Sizes.bytes(table.toastBytes()));
        return holder;
    }

    private static Div segment(long bytes, long total, String colour) {
        Div part = new Div();
        part.getStyle().set("width", 100.0 * bytes / total + "%").set("background", colour);
        return part;
    }
}
