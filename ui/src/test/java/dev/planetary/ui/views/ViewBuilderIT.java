package dev.planetary.ui.views;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.spec.view.Redaction;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The view builder and the drop-view form, with the catalog behind them. */
class ViewBuilderIT extends KaribuIT {

    @BeforeEach
    void signInAsRequester() {
        signIn("alice", PlanetaryRight.REQUESTER);
    }

    private String preview() {
        return _get(Html.class, h -> h.withClasses("sql")).getInnerHtml().replaceAll("<[^>]+>", "");
    }

    private List<String> findings() {
        return _find(Paragraph.class).stream().map(Paragraph::getText).toList();
    }

    @Test
    void columns_are_picked_and_masked_and_invoker_changes_the_row_security_finding() {
        STACK.asOwner("CREATE TABLE IF NOT EXISTS app.member (id int PRIMARY KEY, email text, card text)",
                "ALTER TABLE app.member ENABLE ROW LEVEL SECURITY");
        UI.getCurrent().navigate("propose", QueryParameters.simple(Map.of("kind", "create-view", "schema", "app", "table", "member")));
        @SuppressWarnings("unchecked")
        List<Select<Redaction>> masks = _find(Select.class, s -> s.withValue(Redaction.NONE)).stream()
                .map(s -> (Select<Redaction>) s).toList();
        assertThat(masks).hasSize(3);
        _setValue(masks.get(1), Redaction.MASK_EMAIL);
        _setValue(_find(Checkbox.class, c -> c.withPredicate(box -> box.getLabel().startsWith("card"))).get(0), false);

        assertThat(preview()).contains("\"planetary\".\"mask_email\"(\"email\") AS \"email\"", "\"member_view\"")
                .doesNotContain("\"card\"");
        assertThat(findings()).anySatisfy(f -> assertThat(f).contains("every caller sees every row"));

        _setValue(_get(Checkbox.class, c -> c.withPredicate(box -> box.getLabel().startsWith("security_invoker"))), true);
        assertThat(preview()).contains("security_invoker");
        assertThat(findings()).noneSatisfy(f -> assertThat(f).contains("every caller sees every row"));
    }

    @Test
    void the_drop_form_shows_what_a_cascade_would_take_along() {
        STACK.asOwner("CREATE TABLE IF NOT EXISTS app.base_t (id int)", "CREATE OR REPLACE VIEW app.base_v AS SELECT id FROM app.base_t",
                "CREATE OR REPLACE VIEW app.over_v AS SELECT id FROM app.base_v");
        UI.getCurrent().navigate("propose", QueryParameters.simple(Map.of("kind", "drop-view", "schema", "app", "table", "base_v")));
        String dependents = _get(Div.class, d -> d.withId("drop-dependents")).getElement().getTextRecursively();
        assertThat(dependents).contains("app.over_v");
        assertThat(preview()).contains("DROP VIEW \"app\".\"base_v\"");
        @SuppressWarnings("unchecked")
        ComboBox<String> view = _get(ComboBox.class, c -> c.withLabel("View"));
        assertThat(view.getValue()).isEqualTo("base_v");
    }
}
