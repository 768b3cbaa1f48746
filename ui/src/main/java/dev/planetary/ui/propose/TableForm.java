package dev.planetary.ui.propose;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.planetary.kernel.sql.QualifiedName;

/** A form about one table (or view): schema, then a relation of that schema, both from the catalog. */
abstract class TableForm extends SpecForm {

    final ComboBox<String> schema;
    final ComboBox<String> table;

    TableForm(CatalogChoices catalog, String tableLabel) {
        schema = field("schema", new ComboBox<>("Schema"));
        table = field("table", new ComboBox<>(tableLabel));
        schema.setId("schema");
        table.setId("table");
        schema.setItems(catalog.schemas());
        schema.addValueChangeListener(e -> {
            table.clear();
            table.setItems(catalog.relations(e.getValue()));
        });
    }

    @Override
    public void preselect(String schemaName, String tableName) {
        schema.setValue(schemaName);
        table.setValue(tableName);
    }

    void preselect(QualifiedName relation) {
        preselect(relation.schema().name(), relation.name().name());
    }

    QualifiedName relation() {
        return value("table", () -> QualifiedName.of(required("schema", schema.getValue(), "a schema"),
                required("table", table.getValue(), "a " + table.getLabel().toLowerCase())));
    }
}
