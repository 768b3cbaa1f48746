package dev.planetary.ui.views;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The two audit forms: the connection shows a masked password, the table audit its trigger. */
class AuditFormsIT extends KaribuIT {

    @BeforeEach
    void signInAsRequester() {
        signIn("alice", PlanetaryRight.REQUESTER);
    }

    private String preview() {
        return _get(Html.class, h -> h.withClasses("sql")).getInnerHtml().replaceAll("<[^>]+>", "");
    }

    @Test
    void connecting_the_audit_server_names_a_credential_and_never_shows_a_password() {
        UI.getCurrent().navigate("propose", QueryParameters.simple(Map.of("kind", "connect-audit")));
        _setValue(_get(TextField.class, t -> t.withLabel("Audit server host")), "audit.internal");
        assertThat(preview()).contains("password '********'", "host E'audit.internal'");
        assertThat(preview()).doesNotContain(dev.planetary.ui.support.TestStack.AUDIT_WRITER_PASSWORD);

        // Proposed, its page shows the mask and never the secret the executor will use.
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(com.vaadin.flow.component.button.Button.class, b -> b.withId("propose")));
        String page = UI.getCurrent().getElement().getTextRecursively() + com.github.mvysny.kaributesting.v10.LocatorJ
                ._find(Html.class).stream().map(Html::getInnerHtml).collect(java.util.stream.Collectors.joining());
        assertThat(page).contains("********").doesNotContain(dev.planetary.ui.support.TestStack.AUDIT_WRITER_PASSWORD);

        UI.getCurrent().navigate("propose", QueryParameters.simple(Map.of("kind", "connect-audit")));
        TextField host = _get(TextField.class, t -> t.withLabel("Audit server host"));
        _setValue(host, "bad host;");
        assertThat(host.isInvalid()).isTrue();
    }

    @Test
    void auditing_a_table_is_a_trigger_and_fail_open_is_high_risk() {
        UI.getCurrent().navigate("propose", QueryParameters.simple(Map.of("kind", "audit-table", "schema", "app", "table", "invoice")));
        assertThat(preview()).contains("AFTER INSERT OR UPDATE OR DELETE ON \"app\".\"invoice\"", "\"audit_row\"()");
        _setValue(_get(Checkbox.class, c -> c.withPredicate(box -> box.getLabel().startsWith("Fail open"))), true);
        assertThat(preview()).contains("'fail-open'");
    }

    @Test
    void a_schema_is_audited_from_creation_on_by_listing_it() {
        UI.getCurrent().navigate("propose", QueryParameters.simple(Map.of("kind", "audit-schema")));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<String> schema = _get(com.vaadin.flow.component.combobox.ComboBox.class,
                c -> c.withLabel("Schema"));
        _setValue(schema, "app");
        assertThat(preview()).contains("INSERT INTO \"planetary\".\"audit_auto_schema\"", "E'app'");
    }
}
