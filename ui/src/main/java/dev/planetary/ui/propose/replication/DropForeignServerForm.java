package dev.planetary.ui.propose.replication;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.replication.DropForeignServerSpec;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

/** Drops a foreign server and its user mappings; refused while foreign tables use it. */
public class DropForeignServerForm extends SpecForm {

    final ComboBox<String> server = field("server", new ComboBox<>("Foreign server"));

    public DropForeignServerForm(CatalogChoices catalog) {
        server.setItems(catalog.foreignServers());
        server.setId("drop-foreign-server-server");
    }

    @Override
    protected ChangeSpec build() {
        return new DropForeignServerSpec(value("server", () -> Identifier.of(required("server", server.getValue(), "a server"))), null);
    }

    @Override
    public void preselectForeignServer(String name) {
        server.setValue(name);
    }

    @Override
    public void load(ChangeSpec spec) {
        server.setValue(((DropForeignServerSpec) spec).server().name());
    }
}
