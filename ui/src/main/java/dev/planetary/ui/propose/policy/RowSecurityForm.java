package dev.planetary.ui.propose.policy;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.TableForm;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.policy.RowSecurityAction;
import dev.planetary.kernel.spec.policy.RowSecuritySpec;
import dev.planetary.kernel.sql.QualifiedName;

/** ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY. */
public class RowSecurityForm extends TableForm {

    final RadioButtonGroup<RowSecurityAction> action = field("action", new RadioButtonGroup<>("Row-level security"));

    public RowSecurityForm(CatalogChoices catalog) {
        super(catalog, "Table");
        action.setItems(RowSecurityAction.values());
        action.setItemLabelGenerator(a -> a.sql().replace(" ROW LEVEL SECURITY", "").toLowerCase());
        action.setValue(RowSecurityAction.ENABLE);
    }



    @Override
    protected ChangeSpec build() {
        QualifiedName relation = relation();
        return new RowSecuritySpec(relation, action.getValue());
    }

    @Override
    public void load(ChangeSpec spec) {
        RowSecuritySpec s = (RowSecuritySpec) spec;
        preselect(s.table());
        action.setValue(s.action());
    }
}
