package dev.planetary.ui.views;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.spec.privilege.TablePrivilege;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.policy.RowSecurityAction;
import dev.planetary.kernel.spec.policy.RowSecuritySpec;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.ui.propose.ProposeView;
import dev.planetary.ui.review.ChangeCommands;
import dev.planetary.ui.review.SubmitKey;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class ProposeViewIT extends KaribuIT {

    @Autowired
    private ChangeCommands commands;

    @BeforeEach
    void open() {
        signIn("alice", PlanetaryRight.REQUESTER);
        UI.getCurrent().navigate(ProposeView.class);
    }

    /** The highlighted SQL of the preview, as HTML. */
    private String preview() {
        return _get(Html.class, h -> h.withClasses("sql")).getInnerHtml();
    }

    private long storedEvents() throws Exception {
        return STACK.requestEvents();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> combo(String label) {
        return _get(ComboBox.class, c -> c.withLabel(label));
    }

    @Test
    void the_sql_preview_follows_the_fields() {
        _setValue(combo("Schema"), "app");
        _setValue(combo("Table or view"), "invoice");
        @SuppressWarnings("unchecked")
        CheckboxGroup<TablePrivilege> privileges = _get(CheckboxGroup.class, c -> c.withLabel("Privileges"));
        _setValue(privileges, Set.of(TablePrivilege.SELECT));
        _setValue(combo("Role"), "karen");
        assertThat(preview()).contains("GRANT").contains("\"invoice\"").contains("\"karen\"").doesNotContain("UPDATE");

        _setValue(privileges, Set.of(TablePrivilege.SELECT, TablePrivilege.UPDATE));
        assertThat(preview()).contains("UPDATE");
    }

    @Test
    void a_bad_policy_expression_shows_the_field_error_and_proposes_nothing() throws Exception {
        long before = storedEvents();
        @SuppressWarnings("unchecked")
        Select<String> kind = _get(Select.class, s -> s.withLabel("What to change"));
        _setValue(kind, "create-policy");
        _setValue(combo("Schema"), "app");
        _setValue(combo("Table"), "invoice");
        _setValue(_get(TextField.class, t -> t.withLabel("Policy name")), "tenant");
        TextArea using = _get(TextArea.class, t -> t.withLabel("USING (rows the roles may see or change)"));
        _setValue(using, "true); DROP TABLE app.invoice; --");

        assertThat(using.isInvalid()).isTrue();
        assertThat(using.getErrorMessage()).contains("parenthesis");
        Button propose = _get(Button.class, b -> b.withId("propose"));
        assertThat(propose.isEnabled()).isFalse();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_complete_form_proposes_the_change_and_opens_it() {
        @SuppressWarnings("unchecked")
        Select<String> kind = _get(Select.class, s -> s.withLabel("What to change"));
        _setValue(kind, "row-security");
        _setValue(combo("Schema"), "app");
        _setValue(combo("Table"), "customer");
        _click(_get(Button.class, b -> b.withId("propose")));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).startsWith("changes/");
        String id = UI.getCurrent().getInternals().getActiveViewLocation().getPath().substring("changes/".length());
        assertThat(api.get("victor", "/api/changes/" + id).body().path("kind").asText()).isEqualTo("row-security");
    }

    /** The UI's submits carry the key of their form's content: sent twice (a second click, a retry), they propose once. */
    @Test
    void the_same_submit_sent_twice_proposes_one_change() throws Exception {
        ChangeCommands commands = this.commands;
        SubmitKey submit = new SubmitKey();
        ChangeSpec spec = new RowSecuritySpec(QualifiedName.of("app", "invoice"), RowSecurityAction.ENABLE);
        long before = storedEvents();
        ChangeId first = commands.propose("twice", spec, submit.of("twice", spec));
        long afterFirst = storedEvents();
        ChangeId again = commands.propose("twice", spec, submit.of("twice", spec));

        assertThat(again).isEqualTo(first);
        assertThat(storedEvents()).as("nothing stored by the second submit").isEqualTo(afterFirst);
        assertThat(afterFirst).isGreaterThan(before);
        assertThat(commands.propose("other title", spec, submit.of("other title", spec))).as("another submit").isNotEqualTo(first);
    }
}
