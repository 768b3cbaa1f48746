package dev.planetary.ui.views;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.target.TargetHealth;
import dev.planetary.kernel.target.TargetView;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.target.EnvironmentColours;
import dev.planetary.ui.target.TargetDirectory;
import dev.planetary.ui.target.TargetSwitcher;
import dev.planetary.ui.target.TargetUnreachableException;

import java.util.List;
import java.util.stream.Collectors;

/*
 * planetary.css (META-INF/resources) is loaded with the layout: styles added this way need no
 * frontend build, which Vaadin's pre-compiled bundle does not allow here (STACK.md).
 */
/** The application frame: navigation by persona, and who is signed in with which rights. */
@StyleSheet("context://planetary.css")
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    /** Pages that read the target itself (its catalog, its audit state, test runs on it); the others read the control plane. */
    private static final List<String> READS_TARGET = List.of("catalog", "audit", "propose", "test-runs", "health", "indexes", "configuration", "jobs",
            "replication");

    private final AuthenticationContext authentication;
    private final TargetDirectory targets;
    private TargetView current;
    private final List<com.vaadin.flow.component.Component> frame = new java.util.ArrayList<>();

    public MainLayout(AuthenticationContext authentication, TargetDirectory targets) {
        this.authentication = authentication;
        this.targets = targets;
        // A new page starts at its top: the layout's scroll position would otherwise carry over from the last page.
        addAttachListener(attach -> attach.getUI().addAfterNavigationListener(navigation -> getElement().executeJs(
                "const content = this.shadowRoot && this.shadowRoot.querySelector('[content]');"
                        + "if (content) { content.scrollTop = 0; } this.scrollTop = 0;"
                        + "if (document.scrollingElement) { document.scrollingElement.scrollTop = 0; }")));
        build();
    }

    /**
     * The header and the navigation, for the session's target and the person's rights there. Built
     * again when the session moved to another target (in another tab, say) since this page was made.
     */
    private void build() {
        frame.forEach(this::remove);
        frame.clear();
        H1 title = new H1("Planetary");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        String login = authentication.getPrincipalName().orElse("?");
        if (CurrentUser.signInRights().isEmpty()) {
            buildWithoutRights(title, login);
            return;
        }
        List<TargetView> all = targets.all();
        current = targets.current();
        CurrentUser.useTargetRights(rightsOn(targets, current));
        String rights = CurrentUser.rights().stream().map(right -> right.name().toLowerCase()).sorted()
                .collect(Collectors.joining(", "));
        Span who = new Span(login + (rights.isEmpty() ? " (no Planetary rights here)" : " · " + rights));
        Button dark = new Button("Dark mode", e -> {
            var themes = e.getSource().getUI().orElseThrow().getElement().getThemeList();
            boolean on = !themes.contains("dark");
            themes.set("dark", on);
            e.getSource().setText(on ? "Light mode" : "Dark mode");
        });
        dark.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dark.setId("dark-mode");
        header(title, new TargetSwitcher(all, current), who, dark);
        // The frame takes the target's colour: production is never mistaken for staging.
        getElement().getStyle().set("--planetary-target-colour", EnvironmentColours.of(current));
        addClassName("target-frame");
        setClassName("target-production", EnvironmentColours.isProduction(current.environment()));

        SideNav review = new SideNav("Review");
        review.addItem(new SideNavItem("Review queue", ""));
        SideNav changes = new SideNav("Changes");
        changes.addItem(new SideNavItem("Propose a change", "propose"));
        changes.addItem(new SideNavItem("History", "history"));
        if (CurrentUser.has(PlanetaryRight.REQUESTER) || CurrentUser.has(PlanetaryRight.REVIEWER)) {
            changes.addItem(new SideNavItem("Test runner", "test-runs"));
        }
        // Paths, not view classes: every view names this layout, so naming them here would be a cycle.
        SideNav schema = new SideNav("Schema");
        schema.addItem(new SideNavItem("Catalog", "catalog"));
        schema.addItem(new SideNavItem("Functions", "catalog/functions"));
        schema.addItem(new SideNavItem("Indexes", "indexes"));
        SideNav security = new SideNav("Security");
        security.addItem(new SideNavItem("Roles", "catalog/roles"));
        security.addItem(new SideNavItem("Privilege matrix", "catalog/privileges"));
        security.addItem(new SideNavItem("Claims", "catalog/claims"));
        if (CurrentUser.has(PlanetaryRight.OPERATOR)) {
            security.addItem(new SideNavItem("Audit log", "audit"));
        }
        SideNav operations = new SideNav("Operations");
        operations.addItem(new SideNavItem("Targets", "targets"));
        operations.addItem(new SideNavItem("Health", "health"));
        operations.addItem(new SideNavItem("Configuration", "configuration"));
        operations.addItem(new SideNavItem("Jobs", "jobs"));
        operations.addItem(new SideNavItem("Replication", "replication"));
        operations.addItem(new SideNavItem("Compare targets", "targets/compare"));
        SideNav me = new SideNav("You");
        me.addItem(new SideNavItem("Profile", "profile"));
        addToDrawer(review, changes, security, schema, operations, me);
        frame.addAll(List.of(review, changes, security, schema, operations, me));
    }

    /**
     * A person who signed in but holds none of Planetary's rights (no planetary_* role): no targets, no
     * pages but their profile, and what to ask for. Found by UiRouteMatrixIT: the full header asked for the
     * targets, which needs a right, and the page failed.
     */
    private void buildWithoutRights(H1 title, String login) {
        current = null;
        header(title, null, new Span(login + " (no Planetary rights: ask an operator for planetary_viewer or another planetary_* role)"));
        SideNav me = new SideNav("You");
        me.addItem(new SideNavItem("Profile", "profile"));
        addToDrawer(me);
        frame.add(me);
    }

    /** The navbar: the title, the target switcher (none without rights), who is signed in, more buttons, sign-out. */
    private void header(H1 title, TargetSwitcher switcher, Span who, Button... more) {
        who.getElement().setAttribute("id", "signed-in-as");
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title);
        if (switcher != null) {
            header.add(switcher);
        }
        header.add(who);
        header.add(more);
        header.add(signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(who);
        header.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToNavbar(header);
        frame.add(header);
    }

    /** Rights on a target other than the home one are read there; one that cannot be reached gives none. */
    private static java.util.Set<PlanetaryRight> rightsOn(TargetDirectory targets, TargetView target) {
        try {
            return targets.rightsOn(target);
        } catch (RuntimeException e) {
            return java.util.Set.of();
        }
    }

    /**
     * A page that reads a target its last health check found unreachable says so at once, rather
     * than waiting for the connection to time out and failing.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (current == null) {
            return; // no rights, no target
        }
        if (!current.id().equals(CurrentTarget.id())) {
            build();
        }
        String first = event.getLocation().getFirstSegment();
        if (current.health().status() == TargetHealth.Status.UNREACHABLE && READS_TARGET.contains(first)) {
            event.rerouteToError(new TargetUnreachableException(current.id(), null), current.health().problem());
        }
    }
}
