package dev.planetary.ui.propose.maintenance;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.maintenance.VacuumSpec;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

/** VACUUM: some tables of a schema or every table, with ANALYZE (on by default), FREEZE or FULL. */
public class VacuumForm extends SpecForm {

    final ComboBox<String> schema = field("schema", new ComboBox<>("Schema"));
    final MultiSelectComboBox<String> tables = field("tables", new MultiSelectComboBox<>("Tables"));
    final Checkbox analyze = option("ANALYZE: refresh the planner's statistics too");
    final Checkbox freeze = option("FREEZE: freeze every row now (pushes the wraparound horizon forward)");
    final Checkbox full = option("FULL: rewrite the table to give space back (locks out reads and writes)");
    private final TablesChoice choice;

    public VacuumForm(CatalogChoices catalog) {
        choice = new TablesChoice(schema, tables, catalog);
        analyze.setValue(true);
    }

    @Override
    protected ChangeSpec build() {
        return new VacuumSpec(choice.value(), full.getValue(), freeze.getValue(), analyze.getValue());
    }

    @Override
    public void load(ChangeSpec spec) {
        VacuumSpec s = (VacuumSpec) spec;
        choice.load(s.tables());
        full.setValue(s.full());
        freeze.setValue(s.freeze());
        analyze.setValue(s.analyze());
    }

    @Override
    public void preselect(String schemaName, String table) {
        choice.preselect(schemaName, table);
    }
}
