package dev.planetary.ui.propose.privilege;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.spec.privilege.SchemaPrivilege;
import dev.planetary.kernel.spec.privilege.SchemaPrivilegeSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;

import java.util.ArrayList;

/** GRANT / REVOKE USAGE or CREATE on a schema. */
public class SchemaPrivilegeForm extends SpecForm {

    final RadioButtonGroup<PrivilegeAction> action = field("action", new RadioButtonGroup<>("Action"));
    final ComboBox<String> schema = field("schema", new ComboBox<>("Schema"));
    final CheckboxGroup<SchemaPrivilege> privileges = field("privileges", new CheckboxGroup<>("Privileges"));
    final ComboBox<String> grantee = field("grantee", new ComboBox<>("Role"));
    final Checkbox grantOption = option("With grant option");

    public SchemaPrivilegeForm(CatalogChoices catalog) {
        action.setItems(PrivilegeAction.values());
        action.setValue(PrivilegeAction.GRANT);
        schema.setItems(catalog.schemas());
        privileges.setItems(SchemaPrivilege.values());
        grantee.setItems(catalog.grantees());
    }


    @Override
    public void preselect(String schemaName, String tableName) {
        schema.setValue(schemaName);
    }


    @Override
    protected ChangeSpec build() {
        Identifier name = value("schema", () -> Identifier.of(required("schema", schema.getValue(), "a schema")));
        Grantee role = value("grantee", () -> Grantee.of(required("grantee", grantee.getValue(), "a role")));
        return new SchemaPrivilegeSpec(action.getValue(), new ArrayList<>(privileges.getValue()), name, role, grantOption.getValue());
    }

    @Override
    public void load(ChangeSpec spec) {
        SchemaPrivilegeSpec s = (SchemaPrivilegeSpec) spec;
        action.setValue(s.action());
        schema.setValue(s.schema().name());
        privileges.setValue(java.util.Set.copyOf(s.privileges()));
        grantee.setValue(s.grantee().display());
        grantOption.setValue(s.withGrantOption());
    }
}
