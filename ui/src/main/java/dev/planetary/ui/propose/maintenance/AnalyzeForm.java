package dev.planetary.ui.propose.maintenance;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.maintenance.AnalyzeSpec;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

/** ANALYZE: some tables of a schema or every table. */
public class AnalyzeForm extends SpecForm {

    final ComboBox<String> schema = field("schema", new ComboBox<>("Schema"));
    final MultiSelectComboBox<String> tables = field("tables", new MultiSelectComboBox<>("Tables"));
    private final TablesChoice choice;

    public AnalyzeForm(CatalogChoices catalog) {
        choice = new TablesChoice(schema, tables, catalog);
    }

    @Override
    protected ChangeSpec build() {
        return new AnalyzeSpec(choice.value());
    }

    @Override
    public void load(ChangeSpec spec) {
        choice.load(((AnalyzeSpec) spec).tables());
    }

    @Override
    public void preselect(String schemaName, String table) {
        choice.preselect(schemaName, table);
    }
}
