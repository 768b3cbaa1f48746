package dev.planetary.ui.propose;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.RowSecurityAction;
import dev.planetary.kernel.spec.RowSecuritySpec;
import dev.planetary.kernel.sql.QualifiedName;

/** ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY. */
public class RowSecurityForm extends SpecForm {

    final ComboBox<String> schema = field("schema", new ComboBox<>("Schema"));
    final ComboBox<String> table = field("table", new ComboBox<>("Table"));
    final RadioButtonGroup<RowSecurityAction> action = field("action", new RadioButtonGroup<>("Row-level security"));

    public RowSecurityForm(CatalogChoices catalog) {
        schema.setItems(catalog.schemas());
        schema.addValueChangeListener(e -> {
            table.clear();
            table.setItems(catalog.relations(e.getValue()));
        });
        action.setItems(RowSecurityAction.values());
        action.setItemLabelGenerator(a -> a.sql().replace(" ROW LEVEL SECURITY", "").toLowerCase());
        action.setValue(RowSecurityAction.ENABLE);
    }

    @Override
    public void preselect(String schemaName, String tableName) {
        schema.setValue(schemaName);
        table.setValue(tableName);
    }


    @Override
    protected ChangeSpec build() {
        QualifiedName relation = value("table", () -> QualifiedName.of(required("schema", schema.getValue(), "a schema"),
                required("table", table.getValue(), "a table")));
        return new RowSecuritySpec(relation, action.getValue());
    }

    @Override
    public void load(ChangeSpec spec) {
        RowSecuritySpec s = (RowSecuritySpec) spec;
        preselect(s.table().schema().name(), s.table().name().name());
        action.setValue(s.action());
    }
}
