package dev.planetary.ui.catalog;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Roles × tables: who may do what on each table of a schema, as psql's \dp letters. */
@Route(value = "catalog/privileges", layout = MainLayout.class)
@PageTitle("Privilege matrix · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class PrivilegeMatrixView extends VerticalLayout {

    private static final Set<Catalog.PrivilegeObject> RELATIONS = Set.of(Catalog.PrivilegeObject.TABLE, Catalog.PrivilegeObject.VIEW,
            Catalog.PrivilegeObject.MATERIALIZED_VIEW, Catalog.PrivilegeObject.FOREIGN_TABLE, Catalog.PrivilegeObject.COLUMN);

    private final CatalogReader catalog;
    private final ComboBox<String> schema = new ComboBox<>("Schema");
    private final MultiSelectComboBox<String> roles = new MultiSelectComboBox<>("Roles");
    private final TextField table = new TextField("Table");
    private final Grid<Map.Entry<String, Map<String, List<Catalog.Privilege>>>> matrix = new Grid<>();

    public PrivilegeMatrixView(CatalogReader catalog) {
        this.catalog = catalog;
        setSizeFull();
        List<String> schemas = catalog.schemas(CatalogScope.ALL).stream().map(Catalog.Schema::name).toList();
        schema.setItems(schemas);
        List<String> roleNames = catalog.roles().stream().filter(r -> !r.builtIn()).map(Catalog.Role::name).toList();
        roles.setItems(roleNames);
        table.setPlaceholder("name contains");
        table.setValueChangeMode(ValueChangeMode.LAZY);
        schema.addValueChangeListener(e -> refresh());
        roles.addValueChangeListener(e -> refresh());
        table.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(schema, roles, table);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        roles.setWidth("30em");
        matrix.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        matrix.setSizeFull();
        com.vaadin.flow.component.html.Anchor propose = new com.vaadin.flow.component.html.Anchor("propose?kind=table-privilege",
                "Propose a privilege change →");
        propose.setId("propose-link");
        add(new H2("Privilege matrix"), propose, new Paragraph("r select · a insert · w update · d delete · D truncate · "
                + "x references · t trigger · * with grant option · +cols column grants"), filters, matrix);
        setFlexGrow(1, matrix);
        if (!schemas.isEmpty()) {
            schema.setValue(schemas.get(0));
        }
    }

    private void refresh() {
        if (schema.getValue() == null) {
            return;
        }
        String needle = table.getValue() == null ? "" : table.getValue().strip().toLowerCase(Locale.ROOT);
        List<Catalog.Privilege> privileges = catalog.privileges(CatalogScope.schema(schema.getValue())).stream()
                .filter(p -> RELATIONS.contains(p.objectType()))
                .filter(p -> p.object().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        Set<String> shown = roles.getValue().isEmpty()
                ? privileges.stream().map(Catalog.Privilege::grantee).collect(Collectors.toCollection(TreeSet::new))
                : new TreeSet<>(roles.getValue());
        Map<String, Map<String, List<Catalog.Privilege>>> byTable = new LinkedHashMap<>();
        for (Catalog.Privilege privilege : privileges) {
            byTable.computeIfAbsent(privilege.object(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(privilege.grantee(), k -> new ArrayList<>()).add(privilege);
        }
        matrix.removeAllColumns();
        matrix.addColumn(Map.Entry::getKey).setHeader("Table").setFrozen(true).setAutoWidth(true);
        for (String role : shown) {
            matrix.addColumn(row -> PrivilegeLetters.of(row.getValue().getOrDefault(role, List.of())))
                    .setHeader(role).setAutoWidth(true);
        }
        matrix.setItems(new ArrayList<>(byTable.entrySet()));
    }
}
