package dev.planetary.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.catalog.FunctionsView;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The functions page: every function with its signature, DEFINER flagged, overloads together, the selected one's definition. */
class FunctionsViewIT extends KaribuIT {

    private static boolean created;

    @BeforeEach
    void functions() {
        if (!created) {
            STACK.asOwner("CREATE FUNCTION app.fui_definer() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'",
                    "CREATE FUNCTION app.fui_definer_safe() RETURNS int LANGUAGE sql SECURITY DEFINER "
                            + "SET search_path = pg_catalog, pg_temp AS 'SELECT 1'",
                    "CREATE FUNCTION app.fui_over(n integer) RETURNS integer LANGUAGE sql AS 'SELECT n'",
                    "CREATE FUNCTION app.fui_over(t text) RETURNS text LANGUAGE sql AS 'SELECT t'",
                    "CREATE VIEW app.fui_over_view AS SELECT app.fui_over(1) AS one");
            created = true;
        }
    }

    @SuppressWarnings("unchecked")
    private static Grid<Catalog.Function> grid() {
        return _get(Grid.class, g -> g.withId("functions"));
    }

    private static List<String> signatures() {
        Grid<Catalog.Function> grid = grid();
        return IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i).signature()).toList();
    }

    private static int row(String signature) {
        int index = signatures().indexOf(signature);
        assertThat(index).as(signature + " is listed").isNotNegative();
        return index;
    }

    private void open(String login, PlanetaryRight... rights) {
        signIn(login, rights);
        UI.getCurrent().navigate(FunctionsView.class);
    }

    private static void select(String signature) {
        Grid<Catalog.Function> grid = grid();
        grid.select(_get(grid, row(signature)));
    }

    @Test
    void every_function_is_listed_with_its_signature_and_definers_without_search_path_are_flagged() {
        open("victor", PlanetaryRight.VIEWER);
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel)).contains("Functions").doesNotContain("Test runner");
        Grid<Catalog.Function> grid = grid();
        int total = row("app.invoice_total(p_tenant text)");
        assertThat(_getFormatted(grid, total, "returns")).isEqualTo("numeric");
        assertThat(_getFormatted(grid, total, "language")).isEqualTo("sql");
        assertThat(_getFormatted(grid, total, "volatility")).isEqualTo("stable");
        assertThat(((Span) _getCellComponent(grid, total, "security")).getText()).isEqualTo("invoker");
        assertThat(signatures()).contains("app.touch_updated_at()");

        Span unsafe = (Span) _getCellComponent(grid, row("app.fui_definer()"), "security");
        assertThat(unsafe.getText()).isEqualTo("DEFINER · no search_path");
        assertThat(unsafe.getClassNames()).contains("security-unsafe");
        Span safe = (Span) _getCellComponent(grid, row("app.fui_definer_safe()"), "security");
        assertThat(safe.getText()).isEqualTo("DEFINER");
        assertThat(safe.getClassNames()).contains("security-definer");

        int integer = row("app.fui_over(n integer)");
        assertThat(row("app.fui_over(t text)")).as("overloads sit together").isEqualTo(integer + 1);
        assertThat(_getFormatted(grid, integer, "overloads")).isEqualTo("2 overloads");
        assertThat(_getFormatted(grid, total, "overloads")).isEmpty();
    }

    @Test
    void the_filter_and_the_schema_narrow_the_list() {
        open("victor", PlanetaryRight.VIEWER);
        int all = _size(grid());
        _setValue(_get(TextField.class, t -> t.withId("function-filter")), "fui_over");
        assertThat(signatures()).containsExactly("app.fui_over(n integer)", "app.fui_over(t text)");
        assertThat(all).isGreaterThan(2);

        @SuppressWarnings("unchecked")
        Select<String> schema = _get(Select.class, s -> s.withId("function-schema-filter"));
        _setValue(schema, "public");
        assertThat(signatures()).isEmpty();
        _setValue(schema, "app");
        assertThat(signatures()).hasSize(2);
    }

    @Test
    void the_selected_function_shows_its_definition_and_what_depends_on_it_but_a_viewer_gets_no_action() {
        open("victor", PlanetaryRight.VIEWER);
        select("app.fui_over(n integer)");
        assertThat(_get(H3.class, h -> h.withId("function-title")).getText()).isEqualTo("app.fui_over(n integer)");
        String definition = _get(Pre.class, p -> p.withId("function-definition")).getElement().getProperty("innerHTML")
                .replaceAll("<[^>]+>", "");
        assertThat(definition).contains("CREATE OR REPLACE FUNCTION app.fui_over(n integer)")
                .contains("RETURNS integer").contains("LANGUAGE sql").contains("AS $function$SELECT n$function$");
        VerticalLayout dependents = _get(VerticalLayout.class, v -> v.withId("function-dependents"));
        assertThat(_find(dependents, ListItem.class).stream().map(ListItem::getText)).contains("view app.fui_over_view");
        assertThat(_find(Button.class, b -> b.withId("function-test"))).isEmpty();
        assertThat(_find(Button.class, b -> b.withId("function-replace"))).isEmpty();

        select("app.fui_definer()");
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class, p -> p.withId("definer-warning"))).hasSize(1);
        select("app.fui_definer_safe()");
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class, p -> p.withId("definer-warning"))).isEmpty();
        assertThat(_get(Pre.class, p -> p.withId("function-definition")).getElement().getProperty("innerHTML")
                .replaceAll("<[^>]+>", "")).contains("SECURITY DEFINER").contains("SET search_path TO pg_catalog, pg_temp");
    }

    @Test
    void replace_and_test_open_the_form_and_the_runner_on_the_function() {
        open("dave", PlanetaryRight.REQUESTER, PlanetaryRight.REVIEWER);
        select("app.invoice_total(p_tenant text)");
        _click(_get(Button.class, b -> b.withId("function-replace")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("propose");
        assertThat(_get(TextField.class, t -> t.withId("function-name")).getValue()).isEqualTo("invoice_total");

        UI.getCurrent().navigate(FunctionsView.class);
        select("app.invoice_total(p_tenant text)");
        _click(_get(Button.class, b -> b.withId("function-test")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("test-runs");
        @SuppressWarnings("unchecked")
        ComboBox<Catalog.Function> function = _get(ComboBox.class, c -> c.withId("test-function"));
        assertThat(function.getValue().signature()).isEqualTo("app.invoice_total(p_tenant text)");
        assertThat(_get(TextField.class, t -> t.withLabel("p_tenant (text)")).getValue()).isEmpty();
    }
}
