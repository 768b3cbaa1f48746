package dev.planetary.ui.propose.audit;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.planetary.kernel.spec.audit.AuditSchemaSpec;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.sql.Identifier;

/** Audit every new table of a schema from its creation on (the target's DDL recorder attaches the trigger). */
public class AuditSchemaForm extends SpecForm {

    final ComboBox<String> schema = field("schema", new ComboBox<>("Schema"));
    final RadioButtonGroup<Boolean> auto = field("auto", new RadioButtonGroup<>("New tables"));

    public AuditSchemaForm(CatalogChoices catalog) {
        schema.setItems(catalog.schemas());
        auto.setItems(true, false);
        auto.setItemLabelGenerator(on -> on ? "Audit each new table from its creation on" : "Stop auditing new tables");
        auto.setValue(true);
    }

    @Override
    protected ChangeSpec build() {
        return new AuditSchemaSpec(value("schema", () -> Identifier.of(required("schema", schema.getValue(), "a schema"))),
                Boolean.TRUE.equals(auto.getValue()));
    }

    @Override
    public void load(ChangeSpec spec) {
        AuditSchemaSpec s = (AuditSchemaSpec) spec;
        schema.setValue(s.schema().name());
        auto.setValue(s.auto());
    }
}
