package dev.planetary.ui.config;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.config.ConfigFileEntry;
import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.config.Configuration;
import dev.planetary.kernel.config.ConfigurationQuery;
import dev.planetary.kernel.config.RoleSetting;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.spec.config.DatabaseSettingSpec;
import dev.planetary.kernel.spec.config.RoleSettingSpec;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.target.TargetUnreachableException;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.queryhandling.QueryGateway;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Operations → Configuration: every server parameter of the session's target grouped by category,
 * searchable by name and description, with its value, where the value comes from, what changing it
 * takes, and the ones waiting for a restart; the configuration files' lines that did not apply first;
 * and, on a tab of its own, the defaults set per role and database.
 */
@Route(value = "configuration", layout = MainLayout.class)
@PageTitle("Configuration · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class ConfigurationView extends VerticalLayout {

    private final ParameterTree tree;
    private final TextField search = new TextField();
    private final Checkbox changedOnly = new Checkbox("Only what differs from the default");
    private final Checkbox restartOnly = new Checkbox("Only what waits for a restart");
    private final Span shown = new Span();

    public ConfigurationView(QueryGateway queries) {
        setSizeFull();
        Configuration configuration = TargetUnreachableException.await(queries.query(new ConfigurationQuery(CurrentTarget.id()),
                Configuration.class));
        tree = new ParameterTree(configuration.parameters(), new ParameterChanges(queries)::of);
        add(new H2("Configuration"), summary(configuration), fileLines(configuration));
        search.setPlaceholder("Search names and descriptions");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("config-search");
        search.setWidth("24em");
        search.addValueChangeListener(e -> filter());
        changedOnly.setId("config-changed-only");
        changedOnly.addValueChangeListener(e -> filter());
        restartOnly.setId("config-restart-only");
        restartOnly.addValueChangeListener(e -> filter());
        shown.setId("config-shown");
        shown.addClassName("health-note");
        HorizontalLayout filters = new HorizontalLayout(search, changedOnly, restartOnly, shown);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout server = new VerticalLayout(filters, tree);
        server.setPadding(false);
        server.setSizeFull();
        TabSheet tabs = new TabSheet();
        tabs.setId("config-tabs");
        tabs.add("Server parameters", server);
        VerticalLayout perRole = new VerticalLayout(newDefaults(), roleSettings(configuration));
        perRole.setPadding(false);
        tabs.add("Per role and database (" + configuration.roleSettings().size() + ")", perRole);
        tabs.setWidthFull();
        tabs.getStyle().set("min-height", "0");
        add(tabs);
        expand(tabs);
        filter();
    }

    /** For requesters: propose a role's or the database's own default (each opens its form). */
    private static Component newDefaults() {
        HorizontalLayout buttons = new HorizontalLayout();
        if (CurrentUser.has(PlanetaryRight.REQUESTER)) {
            buttons.add(proposeButton("New default for a role", RoleSettingSpec.KIND), proposeButton("New default for this database",
                    DatabaseSettingSpec.KIND));
        }
        return buttons;
    }

    private static Button proposeButton(String label, String kind) {
        Button button = new Button(label, VaadinIcon.PLUS.create(), e -> e.getSource().getUI()
                .ifPresent(ui -> ui.navigate("propose", QueryParameters.simple(Map.of("kind", kind)))));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId("config-new-" + kind);
        return button;
    }

    /** The defaults set with ALTER ROLE / ALTER DATABASE ... SET, which new sessions take over the server's. */
    private static Component roleSettings(Configuration configuration) {
        if (configuration.roleSettings().isEmpty()) {
            Span none = new Span("No role or database sets a parameter of its own (ALTER ROLE / ALTER DATABASE ... SET).");
            none.addClassName("health-note");
            return none;
        }
        Grid<RoleSetting> grid = new Grid<>(RoleSetting.class, false);
        grid.setId("config-role-settings");
        grid.addColumn(RoleSetting::scope).setHeader("Applies to").setAutoWidth(true).setSortable(true);
        grid.addColumn(RoleSetting::parameter).setHeader("Parameter").setAutoWidth(true).setSortable(true);
        grid.addColumn(new ComponentRenderer<>(setting -> code(setting.value()))).setHeader("Value").setFlexGrow(1);
        grid.setItems(configuration.roleSettings());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        // a few rows as tall as they are; many scroll in the tab
        if (configuration.roleSettings().size() <= 100) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setSizeFull();
        }
        return grid;
    }

    private static Span summary(Configuration configuration) {
        Span summary = new Span(configuration.parameters().size() + " parameters · " + configuration.changedFromDefault()
                + " differ from the built-in default · " + configuration.pendingRestart() + " wait for a restart");
        summary.setId("config-summary");
        summary.addClassName("health-note");
        return summary;
    }

    /** The configuration files' lines that did not apply, or why they cannot be read: above everything else. */
    private static Div fileLines(Configuration configuration) {
        Div box = new Div();
        box.setId("config-file-errors");
        if (configuration.fileProblem() != null) {
            box.addClassName("health-note");
            box.setText(configuration.fileProblem());
            return box;
        }
        if (configuration.fileErrors().isEmpty()) {
            box.setVisible(false);
            return box;
        }
        box.addClassName("health-callout");
        box.add(new H4(configuration.fileErrors().size() + " line(s) of the configuration files did not apply"));
        for (ConfigFileEntry entry : configuration.fileErrors()) {
            Div line = new Div(new Span(entry.file() + (entry.line() == null ? "" : ":" + entry.line()) + " · "),
                    code(entry.name() + (entry.setting() == null ? "" : " = " + entry.setting())), new Span(" · " + entry.error()));
            line.addClassName("config-file-line");
            box.add(line);
        }
        return box;
    }

    private static Span code(String text) {
        Span code = new Span(text);
        code.addClassName("config-code");
        return code;
    }

    private void filter() {
        String wanted = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        Predicate<ConfigParameter> matches = p -> (wanted.isEmpty() || p.name().toLowerCase(Locale.ROOT).contains(wanted)
                || (p.description() != null && p.description().toLowerCase(Locale.ROOT).contains(wanted))
                || (p.details() != null && p.details().toLowerCase(Locale.ROOT).contains(wanted)))
                && (!changedOnly.getValue() || p.changedFromDefault())
                && (!restartOnly.getValue() || p.pendingRestart());
        int count = tree.show(matches);
        shown.setText(count + " shown");
    }
}
