package dev.planetary.ui.propose.policy;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.TableObjectForm;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.spec.policy.AlterPolicySpec;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.List;

/** ALTER POLICY: new roles and/or expressions; what is left empty stays as it is. */
public class AlterPolicyForm extends TableObjectForm {

    final MultiSelectComboBox<String> roles = field("roles", new MultiSelectComboBox<>("New roles (empty: unchanged)"));
    final TextArea using = field("using", new TextArea("New USING (empty: unchanged)"));
    final TextArea withCheck = field("withCheck", new TextArea("New WITH CHECK (empty: unchanged)"));

    public AlterPolicyForm(CatalogChoices catalog) {
        super(catalog, "Policy", catalog::policies);
        roles.setItems(catalog.roles());
        for (TextArea expression : List.of(using, withCheck)) {
            expression.setValueChangeMode(ValueChangeMode.LAZY);
            expression.addClassName("sql");
        }
    }


    @Override
    protected ChangeSpec build() {
        List<Grantee> to = roles.getValue().stream().sorted().map(Grantee::of).toList();
        SqlFragment usingSql = value("using", () -> using.getValue().isBlank() ? null : SqlFragment.of(using.getValue()));
        SqlFragment checkSql = value("withCheck", () -> withCheck.getValue().isBlank() ? null : SqlFragment.of(withCheck.getValue()));
        return new AlterPolicySpec(relation(), object("a policy"), to, usingSql, checkSql);
    }

    @Override
    public void load(ChangeSpec spec) {
        AlterPolicySpec s = (AlterPolicySpec) spec;
        preselect(s.table());
        name.setValue(s.name().name());
        roles.setValue(s.roles() == null ? java.util.Set.of()
                : s.roles().stream().map(Grantee::display).collect(java.util.stream.Collectors.toSet()));
        using.setValue(s.using() == null ? "" : s.using().sql());
        withCheck.setValue(s.withCheck() == null ? "" : s.withCheck().sql());
    }
}
