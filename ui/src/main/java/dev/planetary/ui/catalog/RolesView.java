package dev.planetary.ui.catalog;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every role (PostgreSQL's own pg_* roles aside) with its attributes and memberships. */
@Route(value = "catalog/roles", layout = MainLayout.class)
@PageTitle("Roles · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class RolesView extends VerticalLayout {

    public RolesView(CatalogReader catalog) {
        setSizeFull();
        List<Catalog.Membership> memberships = catalog.memberships();
        Map<String, String> memberOf = memberships.stream().collect(Collectors.groupingBy(Catalog.Membership::member,
                Collectors.mapping(Catalog.Membership::role, Collectors.joining(", "))));
        Grid<Catalog.Role> grid = new Grid<>();
        grid.addColumn(Catalog.Role::name).setHeader("Role").setAutoWidth(true);
        grid.addColumn(RolesView::attributes).setHeader("Attributes").setFlexGrow(2);
        grid.addColumn(r -> memberOf.getOrDefault(r.name(), "")).setHeader("Member of").setFlexGrow(2);
        grid.setItems(catalog.roles().stream().filter(r -> !r.builtIn()).toList());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RolePage.class,
                new RouteParameters("name", e.getItem().name()))));
        grid.setSizeFull();
        com.vaadin.flow.component.html.Anchor propose = new com.vaadin.flow.component.html.Anchor("propose?kind=role-membership",
                "Propose a membership change →");
        propose.setId("propose-link");
        add(new H2("Roles"), propose, grid);
        setFlexGrow(1, grid);
    }

    static String attributes(Catalog.Role role) {
        List<String> attributes = new ArrayList<>();
        attributes.add(role.login() ? "login" : "group");
        if (role.superuser()) {
            attributes.add("SUPERUSER");
        }
        if (role.bypassRls()) {
            attributes.add("BYPASSRLS");
        }
        if (role.createRole()) {
            attributes.add("create role");
        }
        if (role.createDb()) {
            attributes.add("create db");
        }
        if (role.replication()) {
            attributes.add("replication");
        }
        if (!role.inherit()) {
            attributes.add("no inherit");
        }
        if (role.connectionLimit() >= 0) {
            attributes.add("max " + role.connectionLimit() + " connections");
        }
        if (role.validUntil() != null) {
            attributes.add("valid until " + role.validUntil());
        }
        return String.join(", ", attributes);
    }
}
