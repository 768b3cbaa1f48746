package dev.planetary.ui.propose.protect;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

import com.vaadin.flow.component.select.Select;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.protect.ProtectTableSpec;
import dev.planetary.kernel.spec.protect.UnprotectTableSpec;

/** Undo an applied protection: the plan is that change's inverse, with its recorded grants and policies. */
public class UnprotectForm extends SpecForm {

    final Select<ChangeView> protection = field("protectedBy", new Select<>());

    public UnprotectForm(CatalogChoices catalog) {
        protection.setLabel("Protection to undo");
        protection.setItems(catalog.appliedProtections());
        protection.setItemLabelGenerator(c -> ((ProtectTableSpec) c.spec()).table().display() + " — " + c.title()
                + " (" + c.id().substring(0, Math.min(8, c.id().length())) + ")");
        protection.setEmptySelectionAllowed(false);
        protection.setWidth("40em");
    }

    @Override
    protected ChangeSpec build() {
        ChangeView chosen = protection.getValue();
        if (chosen == null) {
            throw new Invalid("protectedBy", "choose the applied protection to undo");
        }
        return new UnprotectTableSpec(chosen.id(), null);
    }

    @Override
    public void load(ChangeSpec spec) {
        select(((UnprotectTableSpec) spec).protectedBy());
    }

    /** Starts on one protection, from its change page. */
    public void select(String changeId) {
        protection.getListDataView().getItems().filter(c -> c.id().equals(changeId)).findFirst().ifPresent(protection::setValue);
    }
}
