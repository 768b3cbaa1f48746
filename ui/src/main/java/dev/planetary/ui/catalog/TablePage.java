package dev.planetary.ui.catalog;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.kernel.change.query.FindHistoryQuery;
import dev.planetary.kernel.change.query.HistoryEntries;
import dev.planetary.kernel.change.query.HistoryEntry;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.queryhandling.QueryGateway;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything about one table or view: columns, constraints, indexes, policies, triggers, grants, dependents, history. */
@Route(value = "catalog/tables/:schema/:name", layout = MainLayout.class)
@PageTitle("Table · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class TablePage extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final CatalogReader catalog;
    private final QueryGateway queries;

    public TablePage(CatalogReader catalog, QueryGateway queries) {
        this.catalog = catalog;
        this.queries = queries;
        setSizeFull();
    }

    public static RouteParameters parameters(String schema, String name) {
        return new RouteParameters(java.util.Map.of("schema", schema, "name", name));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String schema = event.getRouteParameters().get("schema").orElse("");
        String name = event.getRouteParameters().get("name").orElse("");
        removeAll();
        Optional<Catalog.TableDetail> table = catalog.table(schema, name);
        if (table.isPresent()) {
            show(table.get());
            return;
        }
        Optional<Catalog.View> view = catalog.views(CatalogScope.schema(schema)).stream()
                .filter(v -> v.name().equals(name)).findFirst();
        if (view.isPresent()) {
            show(view.get());
        } else {
            add(new H2(schema + "." + name), new Paragraph("There is no table or view of this name (any more)."));
        }
    }

    private void show(Catalog.TableDetail detail) {
        Catalog.Table t = detail.table();
        add(new H2(t.schema() + "." + t.name()), proposeLink(t.schema(), t.name(), true), facts(List.of(
                t.kind().name().toLowerCase().replace('_', ' '), "owner " + t.owner(),
                "~" + t.rowEstimate() + " rows", Sizes.bytes(t.totalBytes()),
                t.rlsEnabled() ? (t.rlsForced() ? "RLS enabled, forced" : "RLS enabled") : "RLS off")));
        if (t.comment() != null) {
            add(new Paragraph(t.comment()));
        }
        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add("Columns (" + detail.columns().size() + ")", columns(detail.columns()));
        tabs.add("Constraints (" + detail.constraints().size() + ")", grid(detail.constraints(),
                new Col<>("Name", Catalog.Constraint::name), new Col<>("Kind", c -> c.kind().name()),
                new Col<>("Definition", Catalog.Constraint::definition)));
        tabs.add("Indexes (" + detail.indexes().size() + ")", grid(detail.indexes(),
                new Col<>("Name", Catalog.Index::name), new Col<>("Method", Catalog.Index::method),
                new Col<>("Keys", i -> String.join(", ", i.keys())), new Col<>("Where", Catalog.Index::predicate),
                new Col<>("Size", i -> Sizes.bytes(i.sizeBytes())), new Col<>("Scans", i -> i.scans() + (i.unused() ? " (unused)" : "")),
                new Col<>("State", i -> i.valid() ? "valid" : "INVALID")));
        tabs.add("Policies (" + detail.policies().size() + ")", grid(detail.policies(),
                new Col<>("Name", Catalog.Policy::name), new Col<>("Command", p -> p.command().name()),
                new Col<>("Mode", p -> p.mode().name().toLowerCase()), new Col<>("Roles", p -> String.join(", ", p.roles())),
                new Col<>("Using", Catalog.Policy::using), new Col<>("With check", Catalog.Policy::withCheck)));
        tabs.add("Triggers (" + detail.triggers().size() + ")", grid(detail.triggers(),
                new Col<>("Name", Catalog.Trigger::name), new Col<>("When", tr -> tr.timing().sql() + " " + tr.events()),
                new Col<>("Level", tr -> tr.level().name()), new Col<>("Function", tr -> tr.functionSchema() + "." + tr.functionName()),
                new Col<>("Enabled", tr -> tr.enabled().name()), new Col<>("Condition", Catalog.Trigger::when)));
        tabs.add("Grants (" + detail.privileges().size() + ")", grid(detail.privileges(),
                new Col<>("Grantee", Catalog.Privilege::grantee), new Col<>("Privilege", Catalog.Privilege::privilege),
                new Col<>("Column", Catalog.Privilege::column), new Col<>("Grant option", p -> p.grantable() ? "yes" : ""),
                new Col<>("Grantor", Catalog.Privilege::grantor)));
        tabs.add("Dependent views (" + detail.dependentViews().size() + ")", grid(detail.dependentViews(),
                new Col<>("View", d -> d.dependent().schema() + "." + d.dependent().name()),
                new Col<>("Kind", d -> d.dependent().kind())));
        tabs.add("Dependency graph", graph(t.oid(), "table", t.schema(), t.name()));
        tabs.add("History", history(t.schema() + "." + t.name()));
        add(tabs, fingerprint(detail.fingerprint()));
        setFlexGrow(1, tabs);
    }

    private void show(Catalog.View view) {
        add(new H2(view.schema() + "." + view.name()), proposeLink(view.schema(), view.name(), false), facts(List.of(view.materialized() ? "materialized view" : "view",
                "owner " + view.owner(), view.securityInvoker() ? "security_invoker: caller's rights and policies"
                        : "owner's rights: policies of the tables apply as the owner",
                view.securityBarrier() ? "security_barrier" : "no security_barrier")));
        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add("Columns", columns(catalog.columns(CatalogScope.relation(view.oid()))));
        Div definition = new Div();
        definition.getElement().setProperty("innerText", view.definition());
        definition.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("white-space", "pre-wrap");
        tabs.add("Definition", definition);
        tabs.add("Dependency graph", graph(view.oid(), view.materialized() ? "materialized view" : "view", view.schema(), view.name()));
        tabs.add("History", history(view.schema() + "." + view.name()));
        add(tabs);
        setFlexGrow(1, tabs);
    }

    private static Component proposeLink(String schema, String name, boolean table) {
        com.vaadin.flow.router.QueryParameters query = com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("schema", schema, "table", name));
        com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor(
                "propose?" + query.getQueryString(), "Propose a change to this " + "relation →");
        link.setId("propose-link");
        com.vaadin.flow.component.html.Anchor protect = new com.vaadin.flow.component.html.Anchor(
                "propose?kind=protect-table&" + query.getQueryString(), "Protect this table →");
        protect.setId("protect-link");
        protect.getElement().setAttribute("title", "Make views the only way in, with masks, validated writes and row policies");
        return table ? new com.vaadin.flow.component.orderedlayout.HorizontalLayout(link, protect) : link;
    }

    private Component columns(List<Catalog.Column> columns) {
        return grid(columns, new Col<>("#", c -> String.valueOf(c.position())), new Col<>("Name", Catalog.Column::name),
                new Col<>("Type", Catalog.Column::type), new Col<>("Null", c -> c.notNull() ? "not null" : ""),
                new Col<>("Default", c -> c.generatedExpression() != null ? "generated: " + c.generatedExpression()
                        : c.identity() != Catalog.Identity.NONE ? "identity " + c.identity().name().toLowerCase().replace('_', ' ')
                        : c.defaultExpression()),
                new Col<>("Collation", Catalog.Column::collation), new Col<>("Comment", Catalog.Column::comment));
    }

    private Component graph(long oid, String kind, String schema, String name) {
        List<Catalog.Dependency> edges = new ArrayList<>(catalog.dependencies(CatalogScope.relation(oid)));
        // second level: what depends on the dependents
        for (Catalog.Dependency edge : List.copyOf(edges)) {
            if (edge.referenced().oid() == oid) {
                edges.addAll(catalog.dependencies(CatalogScope.relation(edge.dependent().oid())));
            }
        }
        // Html creates its root element in the HTML namespace: wrap the SVG so the browser parses it as SVG.
        Div holder = new Div(new Html("<div>" + DependencyGraph.svg(new Catalog.ObjectName(oid, kind, schema, name), edges) + "</div>"));
        holder.getStyle().set("overflow", "auto");
        holder.setId("dependency-graph");
        return holder;
    }

    private Component history(String object) {
        List<HistoryEntry> entries = queries.query(new FindHistoryQuery(null, object, null, null, null, 200, 0, CurrentTarget.id()), HistoryEntries.class)
                .join().entries();
        if (entries.isEmpty()) {
            return new Paragraph("No change to " + object + " has gone through Planetary yet.");
        }
        return grid(entries, new Col<>("When", e -> WHEN.format(e.at())), new Col<>("Event", HistoryEntry::event),
                new Col<>("Who", HistoryEntry::actor), new Col<>("What", HistoryEntry::summary));
    }

    private static Component facts(List<String> facts) {
        HorizontalLayout row = new HorizontalLayout();
        for (String fact : facts) {
            Span badge = new Span(fact);
            badge.getElement().getThemeList().add("badge contrast");
            row.add(badge);
        }
        return row;
    }

    private static Component fingerprint(String fingerprint) {
        Span span = new Span("fingerprint " + fingerprint.substring(0, 16));
        span.getElement().setAttribute("title", fingerprint);
        span.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        return span;
    }

    record Col<T>(String header, java.util.function.Function<T, String> value) {
    }

    /** A grid as tall as its rows, for short lists stacked on one page. */
    @SafeVarargs
    static <T> Grid<T> shortGrid(List<T> items, Col<T>... columns) {
        Grid<T> grid = grid(items, columns);
        grid.setHeight(null);
        grid.setAllRowsVisible(true);
        return grid;
    }

    @SafeVarargs
    static <T> Grid<T> grid(List<T> items, Col<T>... columns) {
        Grid<T> grid = new Grid<>();
        for (Col<T> column : columns) {
            grid.addColumn(item -> column.value().apply(item)).setHeader(column.header()).setAutoWidth(true).setResizable(true);
        }
        grid.setItems(items);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        return grid;
    }
}
