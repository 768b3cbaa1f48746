package dev.planetary.ui.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.support.KaribuIT;
import dev.planetary.ui.testrun.TestRunView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The test runner page: a call as an application role, its rows or its error, always rolled back. */
class TestRunViewIT extends KaribuIT {

    private static boolean created;

    @BeforeEach
    void prepare() {
        if (!created) {
            STACK.asOwner("GRANT USAGE ON SCHEMA app TO karen",
                    "GRANT SELECT ON app.invoice TO karen",
                    "GRANT SELECT ON app.open_invoices TO karen",
                    "CREATE FUNCTION app.fui_ratio(d integer) RETURNS integer LANGUAGE sql AS 'SELECT 10 / d'",
                    """
                    CREATE FUNCTION app.fui_whoami() RETURNS text LANGUAGE plpgsql STABLE AS $$
                    BEGIN
                        RAISE NOTICE 'tenant is %', current_setting('app.tenant_id', true);
                        RETURN current_user || '/' || coalesce(current_setting('app.tenant_id', true), '-');
                    END $$""");
            created = true;
        }
        signIn("dave", PlanetaryRight.REQUESTER, PlanetaryRight.REVIEWER);
        UI.getCurrent().navigate(TestRunView.class);
    }

    private static void chooseFunction(String signature) {
        @SuppressWarnings("unchecked")
        ComboBox<Catalog.Function> function = _get(ComboBox.class, c -> c.withId("test-function"));
        _setValue(function, function.getListDataView().getItems().filter(f -> f.signature().equals(signature)).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static void role(String name) {
        _setValue((ComboBox<String>) _get(ComboBox.class, c -> c.withId("test-role")), name);
    }

    @SuppressWarnings("unchecked")
    private static Grid<List<String>> rows() {
        return _get(Grid.class, g -> g.withId("test-rows"));
    }

    private static String text(Pre pre) {
        return pre.getElement().getProperty("innerHTML").replaceAll("<[^>]+>", "").replace("&quot;", "\"");
    }

    @Test
    void a_function_runs_as_the_chosen_role_and_shows_its_row() throws Exception {
        chooseFunction("app.invoice_total(p_tenant text)");
        _setValue(_get(TextField.class, t -> t.withLabel("p_tenant (text)")), "acme");
        role("karen");
        _click(_get(Button.class, b -> b.withId("run-test")));

        assertThat(_find(Paragraph.class, p -> p.withId("test-problem")).get(0).getText()).isEmpty();
        assertThat(_get(Paragraph.class, p -> p.withId("rolled-back")).getText())
                .startsWith("Ran as karen").endsWith("rolled back — nothing persisted.");
        assertThat(text(_get(Pre.class, p -> p.withId("test-sql")))).isEqualTo("SELECT * FROM \"app\".\"invoice_total\"(?::text)");
        Grid<List<String>> rows = rows();
        assertThat(rows.getColumns().get(0).getHeaderText()).isEqualTo("invoice_total");
        assertThat(_size(rows)).isEqualTo(1);
        String total = _get(rows, 0).get(0);
        assertThat(new BigDecimal(total)).isPositive();
        assertThat(STACK.targetQuery("SELECT app.invoice_total('acme') = " + new BigDecimal(total))).isTrue();
        assertThat(_find(com.vaadin.flow.component.html.Div.class, d -> d.withId("test-error"))).isEmpty();

        JsonNode history = api.get("victor", "/api/history?object=app.invoice_total").body();
        assertThat(history.findValuesAsText("summary")).anySatisfy(s -> assertThat(s)
                .contains("app.invoice_total(text) as karen", "rolled back", "1 row(s)"));
    }

    @Test
    void a_failing_call_shows_the_error_with_its_sqlstate() {
        chooseFunction("app.fui_ratio(d integer)");
        _setValue(_get(TextField.class, t -> t.withLabel("d (integer)")), "0");
        role("karen");
        _click(_get(Button.class, b -> b.withId("run-test")));

        assertThat(_get(Span.class, s -> s.withId("test-sqlstate")).getText()).isEqualTo("SQLSTATE 22012");
        assertThat(_get(Paragraph.class, p -> p.withId("test-error-message")).getText()).contains("division by zero");
        assertThat(_get(Paragraph.class, p -> p.withId("rolled-back")).getText()).contains("nothing persisted");
        assertThat(_find(Grid.class, g -> g.withId("test-rows"))).isEmpty();
    }

    @Test
    void the_claims_are_in_force_for_the_call() {
        chooseFunction("app.fui_whoami()");
        role("karen");
        // the app.tenant_id row is there from the start; its value is the first value field
        _setValue(_find(TextField.class, t -> t.withPlaceholder("value (empty is the empty string)")).get(0), "globex");
        _click(_get(Button.class, b -> b.withId("run-test")));
        assertThat(_get(rows(), 0)).containsExactly("karen/globex");
        assertThat(_find(ListItem.class).stream().map(ListItem::getText)).contains("tenant is globex");

        _setValue(_find(TextField.class, t -> t.withPlaceholder("value (empty is the empty string)")).get(0), "");
        _click(_get(Button.class, b -> b.withText("+ request.jwt.claims")));
        assertThat(_find(TextField.class, t -> t.withPlaceholder("setting, e.g. app.tenant_id")).stream().map(TextField::getValue))
                .containsExactly("app.tenant_id", "request.jwt.claims");
        _click(_get(Button.class, b -> b.withId("run-test")));
        assertThat(_get(rows(), 0)).containsExactly("karen/");
    }

    @Test
    void a_view_is_read_through_with_a_match_on_a_column() {
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.radiobutton.RadioButtonGroup<dev.planetary.kernel.testrun.TestRunRequest.Target> target =
                _get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, r -> r.withLabel("Call"));
        _setValue(target, dev.planetary.kernel.testrun.TestRunRequest.Target.VIEW);
        @SuppressWarnings("unchecked")
        ComboBox<String> view = _get(ComboBox.class, c -> c.withId("test-view"));
        _setValue(view, "app.open_invoices");
        com.vaadin.flow.component.html.Div match = _get(com.vaadin.flow.component.html.Div.class, d -> d.withId("test-match"));
        _click(_get(match, Button.class, b -> b.withText("+ Add")));
        @SuppressWarnings("unchecked")
        ComboBox<String> column = _get(match, ComboBox.class, c -> c.withPlaceholder("column"));
        assertThat(column.getListDataView().getItems().toList()).containsExactly("id", "tenant_id", "customer_id", "amount");
        _setValue(column, "tenant_id");
        _setValue(_get(match, TextField.class, t -> t.withPlaceholder("value (empty is NULL)")), "globex");
        role("karen");
        _click(_get(Button.class, b -> b.withId("run-test")));

        assertThat(text(_get(Pre.class, p -> p.withId("test-sql"))))
                .isEqualTo("SELECT * FROM \"app\".\"open_invoices\" WHERE \"tenant_id\" = ?");
        Grid<List<String>> rows = rows();
        assertThat(rows.getColumns().stream().map(Grid.Column::getHeaderText)).containsExactly("id", "tenant_id", "customer_id", "amount");
        assertThat(_size(rows)).isPositive();
        for (int i = 0; i < _size(rows); i++) {
            assertThat(_get(rows, i).get(1)).isEqualTo("globex");
        }
    }

    @Test
    void superusers_are_not_offered_and_the_page_is_in_a_requesters_navigation() {
        @SuppressWarnings("unchecked")
        ComboBox<String> role = _get(ComboBox.class, c -> c.withId("test-role"));
        assertThat(role.getListDataView().getItems().toList()).contains("karen").doesNotContain(STACK.server.superuser());
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel)).contains("Test runner", "Functions");
        // a viewer's navigation has no test runner: FunctionsViewIT
    }
}
