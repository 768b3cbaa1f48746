package dev.planetary.ui.propose.replication;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.replication.DropPublicationSpec;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

/** Drops a publication; the inverse creates it again from its definition read at proposal. */
public class DropPublicationForm extends SpecForm {

    final ComboBox<String> name = field("name", new ComboBox<>("Publication"));

    public DropPublicationForm(CatalogChoices catalog) {
        name.setItems(catalog.publications());
        name.setId("drop-publication-name");
    }

    @Override
    protected ChangeSpec build() {
        return new DropPublicationSpec(value("name", () -> Identifier.of(required("name", name.getValue(), "a publication"))), null);
    }

    @Override
    public void preselectPublication(String publication) {
        name.setValue(publication);
    }

    @Override
    public void load(ChangeSpec spec) {
        name.setValue(((DropPublicationSpec) spec).name().name());
    }
}
