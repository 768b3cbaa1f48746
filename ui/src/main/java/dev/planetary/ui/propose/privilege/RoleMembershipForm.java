package dev.planetary.ui.propose.privilege;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.spec.privilege.RoleMembershipSpec;
import dev.planetary.kernel.sql.Identifier;

/** GRANT role TO member / REVOKE role FROM member. */
public class RoleMembershipForm extends SpecForm {

    final RadioButtonGroup<PrivilegeAction> action = field("action", new RadioButtonGroup<>("Action"));
    final ComboBox<String> role = field("role", new ComboBox<>("Role (group)"));
    final ComboBox<String> member = field("member", new ComboBox<>("Member"));
    final Checkbox adminOption = option("With admin option");

    public RoleMembershipForm(CatalogChoices catalog) {
        action.setItems(PrivilegeAction.values());
        action.setValue(PrivilegeAction.GRANT);
        role.setItems(catalog.roles());
        member.setItems(catalog.roles());
    }



    @Override
    protected ChangeSpec build() {
        Identifier group = value("role", () -> Identifier.of(required("role", role.getValue(), "a role")));
        Identifier person = value("member", () -> Identifier.of(required("member", member.getValue(), "a member")));
        return new RoleMembershipSpec(action.getValue(), group, person, adminOption.getValue());
    }

    @Override
    public void load(ChangeSpec spec) {
        RoleMembershipSpec s = (RoleMembershipSpec) spec;
        action.setValue(s.action());
        role.setValue(s.role().name());
        member.setValue(s.member().name());
        adminOption.setValue(s.withAdminOption());
    }
}
