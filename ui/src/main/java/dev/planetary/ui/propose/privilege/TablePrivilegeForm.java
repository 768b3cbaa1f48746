package dev.planetary.ui.propose.privilege;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.TableForm;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.spec.privilege.TablePrivilege;
import dev.planetary.kernel.spec.privilege.TablePrivilegeSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.ArrayList;
import java.util.List;

/** GRANT / REVOKE on a table or view, optionally per column. */
public class TablePrivilegeForm extends TableForm {

    final RadioButtonGroup<PrivilegeAction> action = field("action", new RadioButtonGroup<>("Action"));
    final CheckboxGroup<TablePrivilege> privileges = field("privileges", new CheckboxGroup<>("Privileges"));
    final MultiSelectComboBox<String> columns = field("columns", new MultiSelectComboBox<>("Only these columns"));
    final ComboBox<String> grantee = field("grantee", new ComboBox<>("Role"));
    final Checkbox grantOption = option("With grant option (may pass it on)");

    public TablePrivilegeForm(CatalogChoices catalog) {
        super(catalog, "Table or view");
        privileges.setId("privileges");
        columns.setId("columns");
        grantee.setId("grantee");
        action.setItems(PrivilegeAction.values());
        action.setValue(PrivilegeAction.GRANT);
        table.addValueChangeListener(e -> {
            columns.clear();
            columns.setItems(catalog.columns(schema.getValue(), e.getValue()));
        });
        privileges.setItems(TablePrivilege.values());
        columns.setHelperText("Leave empty for the whole table");
        grantee.setItems(catalog.grantees());
    }




    @Override
    protected ChangeSpec build() {
        QualifiedName relation = relation();
        Grantee role = value("grantee", () -> Grantee.of(required("grantee", grantee.getValue(), "a role")));
        List<Identifier> chosenColumns = columns.getValue().stream().sorted().map(Identifier::of).toList();
        return new TablePrivilegeSpec(action.getValue(), new ArrayList<>(privileges.getValue()), relation, chosenColumns, role,
                grantOption.getValue());
    }

    @Override
    public void load(ChangeSpec spec) {
        TablePrivilegeSpec s = (TablePrivilegeSpec) spec;
        action.setValue(s.action());
        preselect(s.table());
        privileges.setValue(java.util.Set.copyOf(s.privileges()));
        columns.setValue(s.columns().stream().map(Identifier::name).collect(java.util.stream.Collectors.toSet()));
        grantee.setValue(s.grantee().display());
        grantOption.setValue(s.withGrantOption());
    }
}
