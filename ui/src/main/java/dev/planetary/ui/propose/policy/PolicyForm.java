package dev.planetary.ui.propose.policy;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.TableForm;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.policy.CreatePolicySpec;
import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.List;

/** CREATE POLICY: the expressions are the requester's SQL, shown verbatim to reviewers. */
public class PolicyForm extends TableForm {

    final TextField name = field("name", new TextField("Policy name"));
    final RadioButtonGroup<PolicyMode> mode = field("mode", new RadioButtonGroup<>("Mode"));
    final Select<PolicyCommand> command = field("command", new Select<>());
    final MultiSelectComboBox<String> roles = field("roles", new MultiSelectComboBox<>("Roles"));
    final TextArea using = field("using", new TextArea("USING (rows the roles may see or change)"));
    final TextArea withCheck = field("withCheck", new TextArea("WITH CHECK (rows the roles may write)"));

    public PolicyForm(CatalogChoices catalog) {
        super(catalog, "Table");
        mode.setItems(PolicyMode.values());
        mode.setValue(PolicyMode.PERMISSIVE);
        command.setLabel("Command");
        command.setItems(PolicyCommand.values());
        command.setValue(PolicyCommand.ALL);
        roles.setItems(catalog.roles());
        roles.setHelperText("None chosen: PUBLIC (every role)");
        for (TextArea expression : List.of(using, withCheck)) {
            expression.setValueChangeMode(ValueChangeMode.LAZY);
            expression.addClassName("sql");
        }
        using.setPlaceholder("tenant_id = current_setting('app.tenant_id', true)");
        name.setValueChangeMode(ValueChangeMode.LAZY);
    }



    @Override
    protected ChangeSpec build() {
        QualifiedName relation = relation();
        Identifier policy = value("name", () -> Identifier.of(required("name", name.getValue(), "a name")));
        List<Grantee> to = roles.getValue().stream().sorted().map(Grantee::of).toList();
        SqlFragment usingSql = value("using", () -> blank(using.getValue()) ? null : SqlFragment.of(using.getValue()));
        SqlFragment checkSql = value("withCheck", () -> blank(withCheck.getValue()) ? null : SqlFragment.of(withCheck.getValue()));
        return new CreatePolicySpec(relation, policy, mode.getValue(), command.getValue(), to, usingSql, checkSql);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public void load(ChangeSpec spec) {
        CreatePolicySpec s = (CreatePolicySpec) spec;
        preselect(s.table());
        name.setValue(s.name().name());
        mode.setValue(s.mode());
        command.setValue(s.command());
        roles.setValue(s.roles().stream().map(Grantee::display).collect(java.util.stream.Collectors.toSet()));
        using.setValue(s.using() == null ? "" : s.using().sql());
        withCheck.setValue(s.withCheck() == null ? "" : s.withCheck().sql());
    }
}
