package dev.planetary.ui.propose.maintenance;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.ddl.StorageParameter;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.maintenance.TableStorageSpec;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A table's storage parameters: one field per parameter Planetary knows (blank: leave it as it is), and
 * those to put back to the server's default. Each value is checked against the parameter's type and range.
 */
public class TableStorageForm extends SpecForm {

    final ComboBox<String> schema = field("schema", new ComboBox<>("Schema"));
    final ComboBox<String> table = field("table", new ComboBox<>("Table"));
    final Map<StorageParameter, TextField> values = new EnumMap<>(StorageParameter.class);
    final MultiSelectComboBox<StorageParameter> reset;

    public TableStorageForm(CatalogChoices catalog) {
        schema.setItems(catalog.schemas());
        schema.addValueChangeListener(e -> table.setItems(catalog.relations(e.getValue())));
        for (StorageParameter parameter : StorageParameter.values()) {
            TextField value = field(parameter.sqlName(), new TextField(parameter.sqlName()));
            value.setId("storage-" + parameter.sqlName());
            value.setPlaceholder(parameter.type() == StorageParameter.Type.BOOLEAN ? "true / false (blank: unchanged)" : "blank: unchanged");
            values.put(parameter, value);
        }
        // after the values: the form reads top to bottom as "set these, put those back"
        reset = field("reset", new MultiSelectComboBox<>("Back to the default"));
        reset.setItems(StorageParameter.values());
        reset.setItemLabelGenerator(StorageParameter::sqlName);
    }

    @Override
    protected ChangeSpec build() {
        QualifiedName name = value("table", () -> QualifiedName.of(required("schema", schema.getValue(), "a schema"),
                required("table", table.getValue(), "a table")));
        Map<StorageParameter, String> set = new EnumMap<>(StorageParameter.class);
        values.forEach((parameter, field) -> {
            if (field.getValue() != null && !field.getValue().isBlank()) {
                set.put(parameter, value(parameter.sqlName(), () -> parameter.valid(field.getValue())));
            }
        });
        try {
            return new TableStorageSpec(name, set, List.copyOf(new LinkedHashSet<>(reset.getValue())), null);
        } catch (SpecViolation e) {
            // "set" has no field of its own: nothing set nor reset is said beside the reset list
            throw new Invalid("set".equals(e.field()) ? "reset" : e.field(), e.getMessage());
        }
    }

    @Override
    public void load(ChangeSpec spec) {
        TableStorageSpec s = (TableStorageSpec) spec;
        schema.setValue(s.table().schema().name());
        table.setValue(s.table().name().name());
        values.forEach((parameter, field) -> field.setValue(s.set().getOrDefault(parameter, "")));
        reset.setValue(new LinkedHashSet<>(s.reset()));
    }

    @Override
    public void preselect(String schemaName, String tableName) {
        schema.setValue(schemaName);
        table.setValue(tableName);
    }
}
