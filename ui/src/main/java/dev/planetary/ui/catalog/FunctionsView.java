package dev.planetary.ui.catalog;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
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
 * Every function and procedure of the target (extensions' aside), overloads side by side: what it
 * takes and returns, its language, whose rights it runs with (SECURITY DEFINER stands out, and is
 * flagged without a search_path), and, for the one selected, its definition and what to do with it.
 */
@Route(value = "catalog/functions", layout = MainLayout.class)
@PageTitle("Functions · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class FunctionsView extends VerticalLayout {

    static final String ALL_SCHEMAS = "All schemas";

    final TextField filter = new TextField();
    final Select<String> schema = new Select<>();
    final Grid<Catalog.Function> grid = new Grid<>();
    final FunctionDetail detail;
    private final Span count = new Span();

    public FunctionsView(CatalogReader catalog) {
        setSizeFull();
        detail = new FunctionDetail(catalog);
        // ordered by schema, name and argument types (functions.sql): the overloads of a name sit together
        List<Catalog.Function> functions = catalog.functions(CatalogScope.ALL);

        filter.setPlaceholder("Filter by name, argument, type, language or owner");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("28em");
        filter.setId("function-filter");
        schema.setItems(Stream.concat(Stream.of(ALL_SCHEMAS),
                catalog.schemas(CatalogScope.ALL).stream().map(Catalog.Schema::name)).toList());
        schema.setValue(ALL_SCHEMAS);
        schema.setAriaLabel("Schema");
        schema.setId("function-schema-filter");

        grid.addColumn(Catalog.Function::signature).setHeader("Signature").setKey("signature").setFlexGrow(3).setResizable(true)
                .setSortable(true).setComparator(Catalog.Function::signature);
        grid.addColumn(f -> f.kind() == Catalog.RoutineKind.PROCEDURE ? "(procedure)" : f.returns()).setHeader("Returns").setKey("returns")
                .setFlexGrow(2).setResizable(true);
        grid.addColumn(Catalog.Function::language).setHeader("Language").setKey("language").setWidth("8.5em").setFlexGrow(0).setSortable(true);
        grid.addComponentColumn(FunctionsView::security).setHeader("Security").setKey("security").setAutoWidth(true).setFlexGrow(0)
                .setSortable(true).setComparator(f -> (f.securityDefiner() ? 0 : 2) - (FunctionDefinition.definerWithoutSearchPath(f) ? 1 : 0));
        grid.addColumn(f -> f.volatility().name().toLowerCase(Locale.ROOT)).setHeader("Volatility").setKey("volatility").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Catalog.Function::owner).setHeader("Owner").setKey("owner").setAutoWidth(true).setFlexGrow(0).setSortable(true);
        grid.addColumn(f -> f.overloads() > 1 ? f.overloads() + " overloads" : "").setHeader("Overloads").setKey("overloads").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setId("functions");
        GridListDataView<Catalog.Function> rows = grid.setItems(functions);
        rows.setFilter(this::matches);
        filter.addValueChangeListener(e -> refresh(rows));
        schema.addValueChangeListener(e -> refresh(rows));
        grid.asSingleSelect().addValueChangeListener(e -> detail.show(e.getValue()));
        refresh(rows);

        SplitLayout split = new SplitLayout(grid, detail, SplitLayout.Orientation.VERTICAL);
        split.setSplitterPosition(50);
        split.setSizeFull();
        HorizontalLayout tools = new HorizontalLayout(filter, schema, count);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Functions"), tools, split);
        setFlexGrow(1, split);
    }

    private void refresh(GridListDataView<Catalog.Function> rows) {
        rows.refreshAll();
        long shown = rows.getItemCount();
        long definers = rows.getItems().filter(Catalog.Function::securityDefiner).count();
        long unsafe = rows.getItems().filter(FunctionDefinition::definerWithoutSearchPath).count();
        count.setText(shown + " shown · " + definers + " SECURITY DEFINER" + (unsafe == 0 ? "" : ", " + unsafe + " without search_path"));
    }

    private boolean matches(Catalog.Function f) {
        if (!ALL_SCHEMAS.equals(schema.getValue()) && schema.getValue() != null && !schema.getValue().equals(f.schema())) {
            return false;
        }
        String text = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
        return text.isEmpty() || Stream.of(f.signature(), f.returns(), f.language(), f.owner())
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(text));
    }

    static Span security(Catalog.Function f) {
        if (!f.securityDefiner()) {
            return new Span("invoker");
        }
        boolean unsafe = FunctionDefinition.definerWithoutSearchPath(f);
        Span badge = new Span(unsafe ? "DEFINER · no search_path" : "DEFINER");
        badge.addClassName(unsafe ? "security-unsafe" : "security-definer");
        badge.getElement().setAttribute("title", unsafe
                ? "Runs with its owner's rights and searches the caller's search_path: a caller's objects can shadow the ones it means"
                : "Runs with its owner's rights");
        return badge;
    }
}
