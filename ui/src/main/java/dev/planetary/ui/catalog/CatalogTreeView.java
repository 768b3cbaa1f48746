package dev.planetary.ui.catalog;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The schema tree: schemas, then their tables, views and functions, each level loaded only when
 * opened, so 10,000 tables cost nothing until someone looks. A search lists matching objects.
 */
@Route(value = "catalog", layout = MainLayout.class)
@PageTitle("Catalog · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class CatalogTreeView extends VerticalLayout {

    /** A row of the tree: a schema, a group ("Tables") in a schema, or one object. */
    public record Node(String kind, String schema, String name, String detail) {
        boolean isSchema() {
            return kind.equals("schema");
        }

        boolean isGroup() {
            return kind.startsWith("group:");
        }
    }

    private final CatalogReader catalog;
    private final TreeGrid<Node> tree = new TreeGrid<>();
    private final Grid<Node> results = new Grid<>();

    public CatalogTreeView(CatalogReader catalog) {
        this.catalog = catalog;
        setSizeFull();
        TextField search = new TextField();
        search.setPlaceholder("Search tables, views, functions");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("28em");
        search.addValueChangeListener(e -> search(e.getValue()));

        tree.addHierarchyColumn(Node::name).setHeader("Name").setFlexGrow(3).setSortable(false);
        tree.addColumn(Node::detail).setHeader("Details").setFlexGrow(2);
        tree.setDataProvider(new LazyTree());
        tree.addItemClickListener(e -> open(e.getItem()));
        tree.setSizeFull();

        results.addColumn(Node::kind).setHeader("Kind").setAutoWidth(true);
        results.addColumn(n -> n.schema() + "." + n.name()).setHeader("Name").setFlexGrow(3);
        results.addColumn(Node::detail).setHeader("Details").setFlexGrow(2);
        results.addItemClickListener(e -> open(e.getItem()));
        results.setSizeFull();
        results.setVisible(false);

        com.vaadin.flow.component.html.Anchor propose = new com.vaadin.flow.component.html.Anchor("propose", "Propose a change →");
        propose.setId("propose-link");
        HorizontalLayout header = new HorizontalLayout(new H2("Catalog"), search, propose);
        header.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        add(header, tree, results);
        setFlexGrow(1, tree, results);
    }

    private void open(Node node) {
        if (node.kind().equals("table") || node.kind().equals("view") || node.kind().equals("materialized view")) {
            getUI().ifPresent(ui -> ui.navigate(TablePage.class, TablePage.parameters(node.schema(), node.name())));
        }
    }

    private void search(String term) {
        boolean searching = term != null && !term.isBlank();
        tree.setVisible(!searching);
        results.setVisible(searching);
        if (searching) {
            String needle = term.strip().toLowerCase(Locale.ROOT);
            List<Node> found = Stream.concat(Stream.concat(
                            catalog.tables(CatalogScope.ALL).stream().map(CatalogTreeView::node),
                            catalog.views(CatalogScope.ALL).stream().map(CatalogTreeView::node)),
                            catalog.functions(CatalogScope.ALL).stream().map(CatalogTreeView::node))
                    .filter(n -> (n.schema() + "." + n.name()).toLowerCase(Locale.ROOT).contains(needle))
                    .limit(500)
                    .toList();
            results.setItems(found);
        }
    }

    static Node node(Catalog.Table table) {
        return new Node("table", table.schema(), table.name(), "~" + table.rowEstimate() + " rows, " + Sizes.bytes(table.totalBytes())
                + (table.rlsEnabled() ? ", RLS" + (table.rlsForced() ? " forced" : "") : ""));
    }

    static Node node(Catalog.View view) {
        return new Node(view.materialized() ? "materialized view" : "view", view.schema(), view.name(),
                (view.securityInvoker() ? "security invoker" : "owner's rights") + (view.securityBarrier() ? ", barrier" : ""));
    }

    static Node node(Catalog.Function function) {
        return new Node("function", function.schema(), function.name() + "(" + function.identityArguments() + ")",
                function.language() + (function.securityDefiner() ? ", SECURITY DEFINER" : "") + " → " + function.returns());
    }

    /** Children are fetched from the catalog when a node is opened, never before. */
    private final class LazyTree extends AbstractBackEndHierarchicalDataProvider<Node, Void> {

        /** The grid asks for the count and then the rows: one catalog query answers both. */
        private final java.util.Map<Node, List<Node>> loaded = new java.util.HashMap<>();
        private static final Node ROOT = new Node("root", "", "", "");

        @Override
        protected Stream<Node> fetchChildrenFromBackEnd(HierarchicalQuery<Node, Void> query) {
            return children(query.getParent()).stream().skip(query.getOffset()).limit(query.getLimit());
        }

        @Override
        public int getChildCount(HierarchicalQuery<Node, Void> query) {
            return children(query.getParent()).size();
        }

        @Override
        public boolean hasChildren(Node item) {
            return item.isSchema() || item.isGroup();
        }

        private List<Node> children(Node parent) {
            return loaded.computeIfAbsent(parent == null ? ROOT : parent, this::load);
        }

        private List<Node> load(Node parent) {
            if (parent == ROOT) {
                return catalog.schemas(CatalogScope.ALL).stream()
                        .map(s -> new Node("schema", s.name(), s.name(), s.comment() == null ? "owner " + s.owner() : s.comment()))
                        .toList();
            }
            CatalogScope scope = CatalogScope.schema(parent.schema());
            if (parent.isSchema()) {
                return List.of(new Node("group:tables", parent.schema(), "Tables", ""),
                        new Node("group:views", parent.schema(), "Views", ""),
                        new Node("group:functions", parent.schema(), "Functions", ""));
            }
            return switch (parent.kind()) {
                case "group:tables" -> catalog.tables(scope).stream().map(CatalogTreeView::node).toList();
                case "group:views" -> catalog.views(scope).stream().map(CatalogTreeView::node).toList();
                default -> catalog.functions(scope).stream().map(CatalogTreeView::node).toList();
            };
        }
    }
}
