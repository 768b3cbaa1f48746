package dev.planetary.ui.propose.maintenance;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

import java.util.List;
import java.util.Set;

/**
 * The tables a maintenance change runs on: some tables of one schema, or, with no schema chosen, every
 * table of the database that Planetary's login owns.
 */
final class TablesChoice {

    private final ComboBox<String> schema;
    private final MultiSelectComboBox<String> tables;

    TablesChoice(ComboBox<String> schema, MultiSelectComboBox<String> tables, CatalogChoices catalog) {
        this.schema = schema;
        this.tables = tables;
        schema.setItems(catalog.schemas());
        schema.setClearButtonVisible(true);
        schema.setHelperText("none: every table of the database");
        tables.setHelperText("one or more tables of the schema");
        schema.addValueChangeListener(e -> {
            tables.clear();
            tables.setItems(catalog.relations(e.getValue()));
            tables.setEnabled(e.getValue() != null);
        });
        tables.setEnabled(false);
    }

    List<QualifiedName> value() {
        if (schema.getValue() == null) {
            return List.of();
        }
        return SpecForm.value("tables", () -> {
            if (tables.getValue().isEmpty()) {
                throw new IllegalArgumentException("pick at least one table, or clear the schema for every table");
            }
            return tables.getValue().stream().sorted().map(name -> QualifiedName.of(schema.getValue(), name)).toList();
        });
    }

    void load(List<QualifiedName> names) {
        if (names.isEmpty()) {
            schema.clear();
            return;
        }
        schema.setValue(names.get(0).schema().name());
        tables.setValue(Set.copyOf(names.stream().map(name -> name.name().name()).toList()));
    }

    void preselect(String schemaName, String table) {
        schema.setValue(schemaName);
        tables.setValue(Set.of(table));
    }
}
