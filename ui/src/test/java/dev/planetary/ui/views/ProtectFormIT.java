package dev.planetary.ui.views;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.query.ChangeFilter;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.spec.protect.ProtectTableSpec;
import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.view.Redaction;
import dev.planetary.query.change.ChangeReadModel;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The "protect this table" form: views, masks, writes, a policy from a template, the plan preview. */
class ProtectFormIT extends KaribuIT {

    @Autowired
    ChangeReadModel changes;

    @BeforeEach
    void open() {
        signIn("dave", PlanetaryRight.REQUESTER, PlanetaryRight.REVIEWER);
        UI.getCurrent().navigate("propose", QueryParameters.simple(Map.of("kind", "protect-table", "schema", "app", "table", "invoice")));
    }

    private String preview() {
        return _get(Html.class, h -> h.withClasses("sql")).getInnerHtml().replaceAll("<[^>]+>", "").replace("&gt;", ">");
    }

    @Test
    void a_protection_is_built_from_views_masks_and_a_template_and_proposed_with_the_catalogs_facts() {
        List<TextField> viewNames = _find(TextField.class, t -> t.withLabel("View name"));
        assertThat(viewNames).extracting(TextField::getValue).containsExactly("invoice_v");

        _click(_get(Button.class, b -> b.withId("add-redacted-view")));
        viewNames = _find(TextField.class, t -> t.withLabel("View name"));
        assertThat(viewNames).extracting(TextField::getValue).containsExactly("invoice_v", "invoice_v_redacted");

        @SuppressWarnings("unchecked")
        var grantees = _find(com.vaadin.flow.component.combobox.MultiSelectComboBox.class, c -> c.withLabel("Granted to"));
        grantees.forEach(g -> _setValue(g, Set.of("karen")));
        @SuppressWarnings("unchecked")
        var writes = (com.vaadin.flow.component.checkbox.CheckboxGroup<TriggerEvent>) _find(
                com.vaadin.flow.component.checkbox.CheckboxGroup.class, c -> c.withLabel("Writes through the view")).get(0);
        _setValue(writes, Set.of(TriggerEvent.INSERT));
        TextArea insertBody = _get(TextArea.class, t -> t.withLabel("INSERT validation (PL/pgSQL body)"));
        assertThat(insertBody.isVisible()).isTrue();
        _setValue(insertBody, "BEGIN\n  IF new_row.amount <= 0 THEN RAISE EXCEPTION 'amount must be positive'; END IF;\n  RETURN new_row;\nEND");

        _click(_get(Button.class, b -> b.withId("add-policy-from-template")));
        TextArea using = _get(TextArea.class, t -> t.withLabel("USING (rows a view shows)"));
        assertThat(using.getValue()).isEqualTo("\"tenant_id\" = nullif(current_setting('app.tenant_id', true), '')");

        String sql = preview();
        assertThat(sql).contains("REVOKE ALL ON TABLE", "FORCE ROW LEVEL SECURITY", "INSTEAD OF INSERT",
                "mask_email", "mask_pan", "amount must be positive");
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class).stream().map(p -> p.getText()))
                .anySatisfy(text -> assertThat(text).contains("HIGH risk"));

        _click(_get(Button.class, b -> b.withId("propose")));
        ChangeView proposed = changes.list(new ChangeFilter(List.of(ChangeStatus.PROPOSED), ProtectTableSpec.KIND, null,
                "dave", null, 10, 0, ChangeFilter.Order.NEWEST)).get(0);
        ProtectTableSpec spec = (ProtectTableSpec) proposed.spec();
        assertThat(spec.facts()).as("Planetary read the facts").isNotNull();
        assertThat(spec.facts().owner().name()).isEqualTo("planetary_ddl");
        assertThat(spec.views().get(1).columns()).anySatisfy(c -> {
            assertThat(c.name().name()).isEqualTo("card_number");
            assertThat(c.redaction()).isEqualTo(Redaction.MASK_PAN);
        });
        assertThat(spec.policies()).hasSize(1);
    }

    @Test
    void a_view_without_a_name_is_a_field_error() {
        TextField name = _get(TextField.class, t -> t.withLabel("View name"));
        _setValue(name, "");
        assertThat(name.isInvalid()).isTrue();
        assertThat(_get(Button.class, b -> b.withId("propose")).isEnabled()).isFalse();
    }
}
