package dev.planetary.ui.propose.trigger;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.TableObjectForm;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.trigger.DropTriggerSpec;

/** DROP TRIGGER: pick the table, then one of its triggers. */
public class DropTriggerForm extends TableObjectForm {

    public DropTriggerForm(CatalogChoices catalog) {
        super(catalog, "Trigger", catalog::triggers);
    }


    @Override
    protected ChangeSpec build() {
        return new DropTriggerSpec(relation(), object("a trigger"));
    }

    @Override
    public void load(ChangeSpec spec) {
        DropTriggerSpec s = (DropTriggerSpec) spec;
        preselect(s.table());
        name.setValue(s.name().name());
    }
}
