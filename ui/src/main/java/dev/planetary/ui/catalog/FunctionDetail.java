package dev.planetary.ui.catalog;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.views.SqlHighlighter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The selected function: its facts, its definition highlighted, what a DROP ... CASCADE would take
 * with it, and the ways on: test it, propose a replacement, propose dropping it. The actions are
 * links by path (the views they open name this package's layout; naming them here would be a cycle).
 */
class FunctionDetail extends VerticalLayout {

    private final CatalogReader catalog;

    FunctionDetail(CatalogReader catalog) {
        this.catalog = catalog;
        setId("function-detail");
        setPadding(false);
        show(null);
    }

    void show(Catalog.Function f) {
        removeAll();
        if (f == null) {
            add(new Paragraph("Select a function to see its definition, what depends on it, and to test, replace or drop it."));
            return;
        }
        H3 title = new H3(f.signature());
        title.setId("function-title");
        add(title, facts(f), actions(f));
        if (FunctionDefinition.definerWithoutSearchPath(f)) {
            Paragraph warning = new Paragraph("⚠ SECURITY DEFINER without a fixed search_path: a caller can create objects "
                    + "that shadow the ones the function means, and they run with its owner's rights. Replace it with "
                    + "search_path = pg_catalog, pg_temp and schema-qualified names.");
            warning.setId("definer-warning");
            warning.addClassName("security-unsafe");
            add(warning);
        }
        if (f.comment() != null) {
            add(new Paragraph(f.comment()));
        }
        Pre definition = new Pre();
        definition.addClassName("sql");
        definition.setId("function-definition");
        definition.getElement().setProperty("innerHTML", SqlHighlighter.html(FunctionDefinition.text(f)));
        add(new H4("Definition"), definition, dependents(f));
    }

    private static Component facts(Catalog.Function f) {
        List<String> facts = new ArrayList<>(List.of(f.kind().name().toLowerCase(Locale.ROOT), f.language(),
                f.volatility().name().toLowerCase(Locale.ROOT), "owner " + f.owner()));
        if (f.strict()) {
            facts.add("strict");
        }
        if (f.overloads() > 1) {
            facts.add(f.overloads() + " overloads of " + f.name());
        }
        HorizontalLayout row = new HorizontalLayout();
        row.add(FunctionsView.security(f));
        for (String fact : facts) {
            Span badge = new Span(fact);
            badge.getElement().getThemeList().add("badge contrast");
            row.add(badge);
        }
        f.settings().forEach(s -> row.add(new Span("SET " + s)));
        return row;
    }

    private static Component actions(Catalog.Function f) {
        HorizontalLayout actions = new HorizontalLayout();
        String oid = String.valueOf(f.oid());
        boolean callable = f.kind() == Catalog.RoutineKind.FUNCTION;
        if (callable && (CurrentUser.has(PlanetaryRight.REQUESTER) || CurrentUser.has(PlanetaryRight.REVIEWER))) {
            actions.add(link("Test", "function-test", "test-runs", Map.of("function", oid), ButtonVariant.LUMO_PRIMARY));
        }
        if (callable && CurrentUser.has(PlanetaryRight.REQUESTER)) {
            actions.add(link("Replace…", "function-replace", "propose", Map.of("kind", "create-function", "function", oid), null));
            actions.add(link("Drop…", "function-drop", "propose", Map.of("kind", "drop-function", "function", oid),
                    ButtonVariant.LUMO_ERROR));
        }
        return actions;
    }

    private static Button link(String text, String id, String path, Map<String, String> query, ButtonVariant variant) {
        Button button = new Button(text, e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(path, QueryParameters.simple(query))));
        button.setId(id);
        if (variant != null) {
            button.addThemeVariants(variant);
        }
        return button;
    }

    private Component dependents(Catalog.Function f) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.setId("function-dependents");
        List<Catalog.Dependent> found = catalog.dropCascade("pg_proc", f.oid());
        box.add(new H4("What depends on it"));
        if (found.isEmpty()) {
            box.add(new Paragraph("Nothing: dropping it would take nothing else with it."));
            return box;
        }
        box.add(new Paragraph("DROP FUNCTION fails while these exist; with CASCADE they are dropped too:"));
        UnorderedList list = new UnorderedList();
        found.forEach(d -> list.add(new ListItem(d.description())));
        box.add(list);
        return box;
    }
}
