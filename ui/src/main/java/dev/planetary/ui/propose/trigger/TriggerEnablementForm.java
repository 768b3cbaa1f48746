package dev.planetary.ui.propose.trigger;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.TableObjectForm;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.trigger.TriggerEnablementSpec;

/** ENABLE / DISABLE TRIGGER. */
public class TriggerEnablementForm extends TableObjectForm {

    final RadioButtonGroup<String> state = field("enabled", new RadioButtonGroup<>("The trigger"));

    public TriggerEnablementForm(CatalogChoices catalog) {
        super(catalog, "Trigger", catalog::triggers);
        state.setItems("enable", "disable");
        state.setValue("disable");
    }


    @Override
    protected ChangeSpec build() {
        return new TriggerEnablementSpec(relation(), object("a trigger"), "enable".equals(state.getValue()));
    }

    @Override
    public void load(ChangeSpec spec) {
        TriggerEnablementSpec s = (TriggerEnablementSpec) spec;
        preselect(s.table());
        name.setValue(s.name().name());
        state.setValue(s.enabled() ? "enable" : "disable");
    }
}
