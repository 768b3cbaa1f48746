package dev.planetary.ui.propose.replication;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.replication.DropReplicationSlotSpec;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

/** Drops a replication slot nobody uses (those in use are not offered); there is no undo. */
public class DropReplicationSlotForm extends SpecForm {

    final ComboBox<String> slot = field("slot", new ComboBox<>("Replication slot (unused)"));

    public DropReplicationSlotForm(CatalogChoices catalog) {
        slot.setItems(catalog.unusedSlots());
        slot.setId("drop-replication-slot-slot");
    }

    @Override
    protected ChangeSpec build() {
        return new DropReplicationSlotSpec(required("slot", slot.getValue(), "a slot"), null);
    }

    @Override
    public void preselectSlot(String name) {
        slot.setValue(name);
    }

    @Override
    public void load(ChangeSpec spec) {
        slot.setValue(((DropReplicationSlotSpec) spec).slot());
    }
}
