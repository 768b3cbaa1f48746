package dev.planetary.ui.health;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.health.BloatEstimate;
import dev.planetary.kernel.health.BloatReport;
import dev.planetary.kernel.health.MeasuredBloat;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.catalog.Sizes;
import dev.planetary.ui.security.CurrentUser;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * Bloat, largest first: the estimate from the planner's statistics for every table and btree index, the
 * method's blind spots for each, a measurement with pgstattuple on demand, and the change that gives the
 * space back (VACUUM FULL for a table, REINDEX CONCURRENTLY for an index) one click away for requesters.
 */
class BloatPanel extends VerticalLayout {

    /** Below this, bloat is noise: a page or two of any table. */
    static final long WORTH_SHOWING_BYTES = 64 * 1024;

    private final HealthData data;
    private final Grid<BloatEstimate> grid = new Grid<>(BloatEstimate.class, false);
    private final Div problem = new Div();
    private final Checkbox all = new Checkbox("Show every relation (also those with under 64 kB of bloat)");
    private final Span summary = new Span();
    private final Span calm = new Span(VaadinIcon.CHECK_CIRCLE.create(), new Span(" No table or index holds 64 kB or more of bloat."));
    private ListDataProvider<BloatEstimate> rows;
    private boolean loaded;

    BloatPanel(HealthData data) {
        this.data = data;
        setPadding(false);
        setSizeFull();
        problem.addClassName("health-callout");
        problem.setId("bloat-problem");
        problem.setVisible(false);
        summary.setId("bloat-summary");
        summary.addClassName("health-note");
        all.addValueChangeListener(e -> filter());
        grid.setId("bloat");
        grid.addColumn(BloatEstimate::qualifiedName).setHeader("Relation").setWidth("16em").setResizable(true).setSortable(true);
        grid.addColumn(e -> e.kind() == BloatEstimate.Kind.TABLE ? "table" : "index on " + e.table()).setHeader("Kind").setWidth("11em")
                .setFlexGrow(0).setResizable(true);
        grid.addColumn(e -> Sizes.bytes(e.bytes())).setHeader("Size").setComparator(BloatEstimate::bytes).setAutoWidth(true);
        grid.addColumn(e -> e.bloatBytes() == null ? "–" : Sizes.bytes(e.bloatBytes())).setHeader("Estimated bloat")
                .setComparator(Comparator.comparing(e -> e.bloatBytes() == null ? -1 : e.bloatBytes())).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(e -> Gauges.lowIsGood(e.bloatPercent(), 20, 50))).setHeader("Bloat %").setWidth("10em")
                .setComparator(Comparator.comparing(e -> e.bloatPercent() == null ? -1 : e.bloatPercent()));
        grid.addColumn(new ComponentRenderer<>(BloatPanel::blindSpots)).setHeader("Blind spots").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        calm.addClassName("health-calm");
        calm.setId("bloat-calm");
        calm.setVisible(false);
        add(problem, new HorizontalLayout(all, summary), calm, grid);
    }

    /** Reads the estimates the first time the tab is opened (they cost half a second at 30,000 relations). */
    void showOnce() {
        if (loaded) {
            return;
        }
        loaded = true;
        BloatReport report = data.bloat();
        problem.setVisible(report.problem() != null);
        problem.setText(report.problem() == null ? "" : report.problem());
        rows = new ListDataProvider<>(report.estimates().stream()
                .sorted(Comparator.comparing((BloatEstimate e) -> e.bloatBytes() == null ? -1 : e.bloatBytes()).reversed()).toList());
        grid.setItems(rows);
        filter();
    }

    private void filter() {
        if (rows == null) {
            return;
        }
        boolean every = all.getValue();
        rows.setFilter(e -> every || e.bloatBytes() != null && e.bloatBytes() >= WORTH_SHOWING_BYTES);
        long bloat = rows.getItems().stream().mapToLong(e -> e.bloatBytes() == null ? 0 : e.bloatBytes()).sum();
        long shown = rows.size(new com.vaadin.flow.data.provider.Query<>());
        summary.setText(Ages.count(shown) + " of " + Ages.count(rows.getItems().size())
                + " relations shown · " + Sizes.bytes(bloat) + " estimated in all");
        calm.setVisible(shown == 0 && !every);
    }

    private static HorizontalLayout blindSpots(BloatEstimate estimate) {
        HorizontalLayout badges = new HorizontalLayout();
        badges.setSpacing(false);
        badges.getStyle().set("gap", "var(--lumo-space-xs)");
        for (String spot : estimate.blindSpots()) {
            Span badge = new Span(spot.substring(0, spot.indexOf(':')));
            badge.getElement().getThemeList().add("badge small contrast");
            badge.getElement().setAttribute("title", spot);
            badges.add(badge);
        }
        return badges;
    }

    private HorizontalLayout actions(BloatEstimate estimate) {
        Span result = new Span();
        result.addClassName("health-note");
        Button measure = new Button("Measure", VaadinIcon.SCALE.create());
        measure.setId("measure-" + estimate.name());
        measure.setTooltipText("Measure it with pgstattuple (reads its pages)");
        measure.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        measure.addClickListener(e -> result.setText(data.measure(estimate.schema(), estimate.name())
                .map(BloatPanel::describe).orElse("gone")));
        HorizontalLayout actions = new HorizontalLayout(measure, result);
        actions.setAlignItems(Alignment.CENTER);
        if (CurrentUser.has(PlanetaryRight.REQUESTER)) {
            boolean table = estimate.kind() == BloatEstimate.Kind.TABLE;
            Button fix = new Button(table ? "Vacuum…" : "REINDEX…", VaadinIcon.WRENCH.create(), e -> getUI().ifPresent(ui -> ui.navigate(
                    "propose", QueryParameters.simple(table
                            ? Map.of("kind", "vacuum", "schema", estimate.schema(), "table", estimate.name())
                            : Map.of("kind", "reindex", "schema", estimate.schema(), "index", estimate.name())))));
            fix.setId("reclaim-" + estimate.name());
            fix.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
            actions.add(fix);
        }
        return actions;
    }

    static String describe(MeasuredBloat measured) {
        if (measured.problem() != null) {
            return measured.problem();
        }
        if (measured.leafDensity() != null) {
            return String.format(Locale.ROOT, "measured: leaves %.0f %% full (%s)", measured.leafDensity(), Sizes.bytes(measured.bytes()));
        }
        return String.format(Locale.ROOT, "measured: %.0f %% live, %.0f %% dead, %.0f %% free (%s)", measured.livePercent(),
                measured.deadPercent(), measured.freePercent(), Sizes.bytes(measured.bytes()));
    }
}
