package dev.planetary.ui.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.spec.function.FunctionLanguage;
import dev.planetary.kernel.spec.function.FunctionSecurity;
import dev.planetary.kernel.spec.function.FunctionVolatility;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.ProposeView;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The create-function and drop-function forms, driven as a person would. */
class FunctionFormsIT extends KaribuIT {

    private static boolean created;

    @Autowired
    private CatalogChoices catalog;

    @BeforeEach
    void signInAndPrepare() {
        if (!created) {
            // a view that calls app.invoice_total: dropping the function needs CASCADE and takes the view with it
            STACK.asOwner("CREATE VIEW app.fui_acme_total AS SELECT app.invoice_total('acme') AS total");
            created = true;
        }
        signIn("alice", PlanetaryRight.REQUESTER);
    }

    private void open(String kind) {
        UI.getCurrent().navigate(ProposeView.class);
        @SuppressWarnings("unchecked")
        Select<String> select = _get(Select.class, s -> s.withLabel("What to change"));
        _setValue(select, kind);
    }

    /** The SQL of the live preview as text (highlighting markup removed). */
    private static String preview() {
        return _get(Html.class, h -> h.withClasses("sql")).getInnerHtml().replaceAll("<[^>]+>", "")
                .replace("\"", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The review notes of the live preview, one paragraph each. */
    private static List<String> notes() {
        Div preview = (Div) _get(Html.class, h -> h.withClasses("sql")).getParent().orElseThrow();
        return preview.getChildren().filter(c -> c instanceof Paragraph).map(c -> ((Paragraph) c).getText()).toList();
    }

    private static TextField text(String label) {
        return _get(TextField.class, t -> t.withLabel(label));
    }

    private static TextField rowField(String placeholder, int row) {
        return _find(TextField.class, t -> t.withPlaceholder(placeholder)).get(row);
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radio(String label) {
        return _get(RadioButtonGroup.class, r -> r.withLabel(label));
    }

    @Test
    void a_definer_function_proposed_through_the_form_carries_the_search_path_lint_to_its_change() {
        open("create-function");
        @SuppressWarnings("unchecked")
        ComboBox<String> schema = _get(ComboBox.class, c -> c.withLabel("Schema"));
        _setValue(schema, "app");
        _setValue(text("Function name"), "open_invoice_count");
        _click(_get(Button.class, b -> b.withText("+ Add parameter")));
        _setValue(rowField("name (optional)", 0), "p_tenant");
        _setValue(rowField("type, e.g. text", 0), "text");
        _setValue(text("Return type"), "bigint");
        _setValue(radio("Language"), FunctionLanguage.SQL);
        _setValue(radio("Volatility"), FunctionVolatility.STABLE);
        _setValue(_get(TextArea.class, t -> t.withId("function-body")),
                "SELECT count(*) FROM app.invoice WHERE tenant_id = p_tenant AND status = 'open'");
        assertThat(_get(Pre.class, p -> p.withId("function-body-preview")).getElement().getProperty("innerHTML"))
                .contains("<span class=\"sql-keyword\">SELECT</span>").contains("<span class=\"sql-string\">'open'</span>");
        assertThat(preview()).contains("CREATE FUNCTION").contains("\"p_tenant\" text").contains("RETURNS bigint")
                .doesNotContain("SECURITY DEFINER");

        _setValue(radio("Runs with the rights of"), FunctionSecurity.DEFINER);
        TextField searchPath = _get(TextField.class, t -> t.withId("function-search-path"));
        assertThat(searchPath.getValue()).as("DEFINER prefills a safe search_path").isEqualTo("pg_catalog, pg_temp");
        assertThat(preview()).contains("SECURITY DEFINER").contains("search_path");
        assertThat(notes()).noneMatch(n -> n.contains("without a fixed search_path"));

        _setValue(searchPath, "");
        assertThat(notes()).anyMatch(n -> n.startsWith("⚠") && n.contains("SECURITY DEFINER without a fixed search_path"));
        _click(_get(Button.class, b -> b.withId("propose")));

        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(path).startsWith("changes/");
        List<String> rules = _find(Span.class).stream().map(s -> s.getElement().getAttribute("data-rule"))
                .filter(r -> r != null).toList();
        assertThat(rules).contains("definer-without-search-path");
        JsonNode change = api.get("victor", "/api/" + path).body();
        assertThat(change.path("kind").asText()).isEqualTo("create-function");
        assertThat(change.path("dryRunStatus").asText()).as(change.path("dryRun").toString()).isEqualTo("PASSED");
        assertThat(change.path("spec").path("security").asText()).isEqualTo("DEFINER");
        assertThat(change.path("spec").path("searchPath").size()).isZero();
    }

    @Test
    void a_repeated_parameter_name_and_a_bad_type_are_shown_on_their_rows() {
        open("create-function");
        @SuppressWarnings("unchecked")
        ComboBox<String> schema = _get(ComboBox.class, c -> c.withLabel("Schema"));
        _setValue(schema, "app");
        _setValue(text("Function name"), "twice");
        _setValue(text("Return type"), "integer");
        _setValue(_get(TextArea.class, t -> t.withId("function-body")), "BEGIN RETURN 1; END");
        Button add = _get(Button.class, b -> b.withText("+ Add parameter"));
        _click(add);
        _click(add);
        _setValue(rowField("name (optional)", 0), "x");
        _setValue(rowField("type, e.g. text", 0), "integer");
        _setValue(rowField("name (optional)", 1), "x");
        _setValue(rowField("type, e.g. text", 1), "integer");

        TextField secondName = rowField("name (optional)", 1);
        assertThat(secondName.isInvalid()).isTrue();
        assertThat(secondName.getErrorMessage()).contains("already called");
        assertThat(rowField("name (optional)", 0).isInvalid()).isFalse();
        assertThat(_get(Button.class, b -> b.withId("propose")).isEnabled()).isFalse();

        _setValue(secondName, "y");
        _setValue(rowField("type, e.g. text", 1), "integer; DROP TABLE app.invoice");
        assertThat(rowField("type, e.g. text", 1).isInvalid()).isTrue();
        assertThat(secondName.isInvalid()).isFalse();

        // removing the bad row makes the form whole again
        _click(_find(Button.class, b -> b.withText("Remove")).get(1));
        assertThat(_get(Button.class, b -> b.withId("propose")).isEnabled()).isTrue();
        assertThat(preview()).contains("\"x\" integer").doesNotContain("DROP TABLE");
    }

    @Test
    void the_drop_form_opened_on_a_function_shows_what_cascade_would_take() {
        Catalog.Function total = invoiceTotal();
        UI.getCurrent().navigate("propose", QueryParameters.simple(Map.of("kind", "drop-function", "function", String.valueOf(total.oid()))));

        @SuppressWarnings("unchecked")
        ComboBox<Catalog.Function> function = _get(ComboBox.class, c -> c.withId("drop-function"));
        assertThat(function.getValue().oid()).isEqualTo(total.oid());
        Div cascade = _get(Div.class, d -> d.withId("drop-cascade-preview"));
        assertThat(_find(cascade, Paragraph.class).stream().map(Paragraph::getText).toList())
                .anyMatch(t -> t.contains("Without CASCADE PostgreSQL refuses the drop"));
        assertThat(_find(cascade, ListItem.class).stream().map(ListItem::getText).toList()).contains("view app.fui_acme_total");
        assertThat(preview()).contains("DROP FUNCTION").contains("\"invoice_total\"(text)").doesNotContain("CASCADE");

        _setValue(_get(Checkbox.class, c -> c.withLabel("CASCADE: also drop everything that depends on it")), true);
        assertThat(preview()).contains("(text) CASCADE");
        assertThat(notes()).anyMatch(n -> n.contains("CASCADE also drops"));
    }

    @Test
    void replace_starts_from_the_current_definition() {
        Catalog.Function total = invoiceTotal();
        UI.getCurrent().navigate("propose", QueryParameters.simple(Map.of("kind", "create-function", "function", String.valueOf(total.oid()))));

        assertThat(text("Function name").getValue()).isEqualTo("invoice_total");
        assertThat(rowField("name (optional)", 0).getValue()).isEqualTo("p_tenant");
        assertThat(rowField("type, e.g. text", 0).getValue()).isEqualTo("text");
        assertThat(text("Return type").getValue()).isEqualTo("numeric");
        assertThat(radio("Language").getValue()).isEqualTo(FunctionLanguage.SQL);
        assertThat(radio("Volatility").getValue()).isEqualTo(FunctionVolatility.STABLE);
        assertThat(_get(TextArea.class, t -> t.withId("function-body")).getValue()).contains("sum(amount)");
        assertThat(preview()).contains("CREATE OR REPLACE FUNCTION").contains("\"app\".\"invoice_total\"(IN \"p_tenant\" text)");
    }

    private Catalog.Function invoiceTotal() {
        return catalog.functions().stream()
                .filter(f -> f.signature().equals("app.invoice_total(p_tenant text)")).findFirst().orElseThrow();
    }
}
