package dev.planetary.ui.propose;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.planetary.kernel.sql.Identifier;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A form about one named object on a table (a policy, a trigger): schema, table, then the object,
 * picked from those the table has.
 */
public abstract class TableObjectForm extends TableForm {

    public final ComboBox<String> name;

    public TableObjectForm(CatalogChoices catalog, String objectLabel, BiFunction<String, String, List<String>> objectsOf) {
        super(catalog, "Table");
        name = field("name", new ComboBox<>(objectLabel));
        table.addValueChangeListener(e -> {
            name.clear();
            name.setItems(objectsOf.apply(schema.getValue(), e.getValue()));
        });
    }


    public Identifier object(String what) {
        return value("name", () -> Identifier.of(required("name", name.getValue(), what)));
    }
}
