package dev.planetary.ui.health;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.health.IndexFinding;
import dev.planetary.kernel.health.IndexReport;
import dev.planetary.kernel.health.IndexUsage;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.catalog.Sizes;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Schema → Indexes: every index with its size and use, and first the ones to act on (invalid,
 * duplicate, covered by another, unused since the statistics were reset), each with the change that
 * fixes it one click away for requesters (a drop or a REINDEX, concurrently, reviewed like any change);
 * and, on its own tab, the indexes the workload asks for ({@link IndexAdvicePanel}).
 */
@Route(value = "indexes", layout = MainLayout.class)
@PageTitle("Indexes · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class IndexesView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final Grid<IndexUsage> grid = new Grid<>(IndexUsage.class, false);
    private final TextField filter = new TextField();
    private final Span summary = new Span();
    private ListDataProvider<IndexUsage> rows;

    public IndexesView(HealthData data) {
        setSizeFull();
        IndexReport report = data.indexReport();
        add(new H2("Indexes"));
        VerticalLayout all = new VerticalLayout();
        all.setPadding(false);
        all.setSizeFull();
        Span window = new Span(report.statisticsSince() == null ? "Scans count since the server's statistics began."
                : "Scans count since " + DAY.format(report.statisticsSince().atZone(ZoneId.systemDefault())) + " (statistics reset).");
        window.addClassName("health-note");
        all.add(window, findings(report));
        filter.setPlaceholder("Filter by schema, table or index");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setId("indexes-filter");
        filter.addValueChangeListener(e -> applyFilter());
        summary.setId("indexes-summary");
        grid.setId("indexes");
        grid.addColumn(IndexUsage::qualifiedName).setHeader("Index").setSortable(true).setWidth("16em").setResizable(true);
        grid.addColumn(IndexUsage::table).setHeader("Table").setSortable(true).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(index -> {
            Span text = new Span(index.definition());
            text.addClassName("health-sql");
            text.getElement().setAttribute("title", index.definition());
            return text;
        })).setHeader("Definition").setWidth("18em").setFlexGrow(3).setResizable(true);
        grid.addColumn(index -> Sizes.bytes(index.bytes())).setHeader("Size").setComparator(IndexUsage::bytes).setAutoWidth(true);
        grid.addColumn(index -> Ages.count(index.scans())).setHeader("Scans").setComparator(IndexUsage::scans).setAutoWidth(true);
        grid.addColumn(index -> Ages.count(index.tuplesRead()) + " / " + Ages.count(index.tuplesFetched()))
                .setHeader("Entries read / rows fetched").setComparator(IndexUsage::tuplesRead).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(IndexesView::badges)).setHeader("").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        rows = new ListDataProvider<>(report.indexes());
        grid.setItems(rows);
        all.add(new HorizontalLayout(filter, summary), grid);
        applyFilter();
        IndexAdvicePanel advice = new IndexAdvicePanel(data);
        TabSheet tabs = new TabSheet();
        tabs.setId("indexes-tabs");
        tabs.add("All indexes", all);
        tabs.add("Advice from the workload", advice);
        // the rest of the page's height, no more: one scroll bar, the tab's own
        tabs.setWidthFull();
        tabs.getStyle().set("min-height", "0");
        expand(tabs);
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() != null && e.getSelectedTab().getLabel().startsWith("Advice")) {
                advice.showOnce();
            }
        });
        add(tabs);
    }

    private Div findings(IndexReport report) {
        Div box = new Div();
        box.setId("index-findings");
        box.addClassName("index-findings");
        if (report.findings().isEmpty()) {
            Span calm = new Span(VaadinIcon.CHECK_CIRCLE.create(), new Span(" No invalid, duplicate, covered or unused index."));
            calm.addClassName("health-calm");
            box.add(calm);
            return box;
        }
        box.add(new H4(report.findings().size() + " index(es) to look at"));
        for (IndexFinding finding : report.findings()) {
            Div row = new Div();
            row.addClassName("index-finding");
            row.getElement().setAttribute("data-kind", finding.kind().name());
            Span kind = new Span(finding.kind().name().toLowerCase(Locale.ROOT));
            kind.getElement().getThemeList().add("badge small " + (finding.kind() == IndexFinding.Kind.INVALID ? "error" : "contrast"));
            Span what = new Span(finding.index().qualifiedName() + " on " + finding.index().table() + " ("
                    + Sizes.bytes(finding.index().bytes()) + "): " + finding.reason());
            row.add(kind, what);
            if (CurrentUser.has(PlanetaryRight.REQUESTER)) {
                row.add(fix(finding));
            }
            box.add(row);
        }
        return box;
    }

    private Button fix(IndexFinding finding) {
        String label = "reindex".equals(finding.fix()) ? "Propose REINDEX CONCURRENTLY" : "Propose drop";
        Button fix = new Button(label, VaadinIcon.WRENCH.create(), e -> getUI().ifPresent(ui -> ui.navigate("propose",
                QueryParameters.simple(Map.of("kind", finding.fix(), "schema", finding.index().schema(), "index", finding.index().name())))));
        fix.setId("fix-" + finding.index().name());
        fix.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return fix;
    }

    private static HorizontalLayout badges(IndexUsage index) {
        HorizontalLayout badges = new HorizontalLayout();
        badges.setSpacing(false);
        badges.getStyle().set("gap", "var(--lumo-space-xs)");
        if (!index.valid()) {
            badges.add(badge("invalid", "error"));
        }
        if (index.constraint() != null) {
            badges.add(badge("backs " + index.constraint(), "success"));
        } else if (index.unique()) {
            badges.add(badge("unique", "success"));
        }
        return badges;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge small " + theme);
        return badge;
    }

    private void applyFilter() {
        String wanted = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
        rows.setFilter(i -> wanted.isEmpty() || (i.qualifiedName() + " " + i.table()).toLowerCase(Locale.ROOT).contains(wanted));
        summary.setText(Ages.count(rows.size(new com.vaadin.flow.data.provider.Query<>())) + " of "
                + Ages.count(rows.getItems().size()) + " indexes");
    }
}
