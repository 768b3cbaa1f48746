package dev.planetary.ui.propose;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A form about one named object on a table (a policy, a trigger): schema, table, then the object,
 * picked from those the table has.
 */
abstract class TableObjectForm extends SpecForm {

    final ComboBox<String> schema = field("schema", new ComboBox<>("Schema"));
    final ComboBox<String> table = field("table", new ComboBox<>("Table"));
    final ComboBox<String> name;

    TableObjectForm(CatalogChoices catalog, String objectLabel, BiFunction<String, String, List<String>> objectsOf) {
        name = field("name", new ComboBox<>(objectLabel));
        schema.setItems(catalog.schemas());
        schema.addValueChangeListener(e -> {
            table.clear();
            table.setItems(catalog.relations(e.getValue()));
        });
        table.addValueChangeListener(e -> {
            name.clear();
            name.setItems(objectsOf.apply(schema.getValue(), e.getValue()));
        });
    }

    @Override
    public void preselect(String schemaName, String tableName) {
        schema.setValue(schemaName);
        table.setValue(tableName);
    }

    QualifiedName relation() {
        return value("table", () -> QualifiedName.of(required("schema", schema.getValue(), "a schema"),
                required("table", table.getValue(), "a table")));
    }

    Identifier object(String what) {
        return value("name", () -> Identifier.of(required("name", name.getValue(), what)));
    }
}
