package dev.planetary.ui.propose;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.planetary.kernel.sql.QualifiedName;

/** A form about one table (or view): schema, then a relation of that schema, both from the catalog. */
public abstract class TableForm extends SpecForm {

    protected final ComboBox<String> schema;
    protected final ComboBox<String> table;

    protected TableForm(CatalogChoices catalog, String tableLabel) {
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

    protected void preselect(QualifiedName relation) {
        preselect(relation.schema().name(), relation.name().name());
    }

    protected QualifiedName relation() {
        return value("table", () -> QualifiedName.of(required("schema", schema.getValue(), "a schema"),
                required("table", table.getValue(), "a " + table.getLabel().toLowerCase())));
    }
}
