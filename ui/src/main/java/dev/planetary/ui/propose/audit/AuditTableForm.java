package dev.planetary.ui.propose.audit;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.TableForm;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.planetary.kernel.spec.audit.AuditTableSpec;
import dev.planetary.kernel.spec.ChangeSpec;

/** "Audit this table" or "stop auditing", fail-closed unless chosen otherwise. */
public class AuditTableForm extends TableForm {

    final RadioButtonGroup<Boolean> audit = field("audit", new RadioButtonGroup<>("Audit"));
    final Checkbox failOpen = option("Fail open: let writes through unaudited while the audit server is down (high risk)");

    public AuditTableForm(CatalogChoices catalog) {
        super(catalog, "Table");
        audit.setItems(true, false);
        audit.setItemLabelGenerator(on -> on ? "Audit every insert, update and delete" : "Stop auditing");
        audit.setValue(true);
    }

    @Override
    protected ChangeSpec build() {
        return new AuditTableSpec(relation(), Boolean.TRUE.equals(audit.getValue()), failOpen.getValue());
    }

    @Override
    public void load(ChangeSpec spec) {
        AuditTableSpec s = (AuditTableSpec) spec;
        preselect(s.table());
        audit.setValue(s.audit());
        failOpen.setValue(s.failOpen());
    }
}
