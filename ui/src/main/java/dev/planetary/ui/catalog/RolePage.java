package dev.planetary.ui.catalog;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Optional;

/** One role: attributes, memberships both ways, and every privilege granted to it directly. */
@Route(value = "catalog/roles/:name", layout = MainLayout.class)
@PageTitle("Role · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class RolePage extends VerticalLayout implements BeforeEnterObserver {

    private final CatalogReader catalog;

    public RolePage(CatalogReader catalog) {
        this.catalog = catalog;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String name = event.getRouteParameters().get("name").orElse("");
        removeAll();
        Optional<Catalog.Role> role = catalog.roles().stream().filter(r -> r.name().equals(name)).findFirst();
        if (role.isEmpty()) {
            add(new H2(name), new Paragraph("There is no role of this name."));
            return;
        }
        List<Catalog.Membership> memberships = catalog.memberships();
        List<Catalog.Privilege> privileges = catalog.privileges(CatalogScope.ALL.grantee(name));
        com.vaadin.flow.component.html.Anchor propose = new com.vaadin.flow.component.html.Anchor(
                "propose?" + com.vaadin.flow.router.QueryParameters.of("kind", "role-membership").getQueryString(),
                "Propose a membership change →");
        propose.setId("propose-link");
        add(new H2(name), propose, new Paragraph(RolesView.attributes(role.get())),
                new H3("Member of"), TablePage.shortGrid(memberships.stream().filter(m -> m.member().equals(name)).toList(),
                        new TablePage.Col<>("Role", Catalog.Membership::role),
                        new TablePage.Col<>("Admin option", m -> m.adminOption() ? "yes" : ""),
                        new TablePage.Col<>("Granted by", Catalog.Membership::grantor)),
                new H3("Members"), TablePage.shortGrid(memberships.stream().filter(m -> m.role().equals(name)).toList(),
                        new TablePage.Col<>("Member", Catalog.Membership::member),
                        new TablePage.Col<>("Admin option", m -> m.adminOption() ? "yes" : "")),
                new H3("Privileges (" + privileges.size() + ")"), TablePage.shortGrid(privileges,
                        new TablePage.Col<>("Object", p -> p.objectType().name().toLowerCase().replace('_', ' ')),
                        new TablePage.Col<>("Name", p -> p.schema() + "." + p.object() + (p.column() == null ? "" : " (" + p.column() + ")")),
                        new TablePage.Col<>("Privilege", Catalog.Privilege::privilege),
                        new TablePage.Col<>("Grant option", p -> p.grantable() ? "yes" : "")));
    }
}
