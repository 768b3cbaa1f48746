package dev.planetary.ui.propose.replication;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import dev.planetary.kernel.ddl.PublicationTable;
import dev.planetary.kernel.replication.Replication;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.replication.AlterPublicationSpec;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.RowList;
import dev.planetary.ui.propose.SpecForm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Adds tables to a publication, drops some, or sets what it publishes anew (only when asked: unchecked, it stays). */
public class AlterPublicationForm extends SpecForm {

    final ComboBox<String> name = field("name", new ComboBox<>("Publication"));
    final RowList<PublicationRows> addTables;
    final MultiSelectComboBox<String> dropTables = field("dropTables", new MultiSelectComboBox<>("Tables to drop from it"));
    final Checkbox changeOperations = option("Change what it publishes");
    final CheckboxGroup<String> operations = field("operations", OperationsField.create("Publishes"));
    private final CatalogChoices catalog;

    public AlterPublicationForm(CatalogChoices catalog) {
        this.catalog = catalog;
        name.setItems(catalog.publications());
        name.setId("alter-publication-name");
        dropTables.setId("alter-publication-drop");
        operations.setId("alter-publication-operations");
        operations.setEnabled(false);
        changeOperations.addValueChangeListener(e -> operations.setEnabled(e.getValue()));
        addTables = new RowList<>("Tables to add", List.of("Schema", "Table", "Columns", "Rows (WHERE)"), "+ Add table",
                "None added.", () -> new PublicationRows(catalog, this::changed), this::changed);
        addTables.setId("alter-publication-add");
        layout.addComponentAtIndex(1, addTables);
        layout.setColspan(addTables, 2);
        name.addValueChangeListener(e -> showPublication(e.getValue()));
    }

    /** The chosen publication's tables are the ones that may be dropped; its operations the starting point. */
    private void showPublication(String publication) {
        Replication.Publication chosen = catalog.publication(publication).orElse(null);
        dropTables.setItems(chosen == null ? List.of() : chosen.tables().stream().map(t -> t.schema() + "." + t.name()).toList());
        if (chosen != null && !changeOperations.getValue()) {
            operations.setValue(new LinkedHashSet<>(chosen.operations()));
        }
    }

    @Override
    protected ChangeSpec build() {
        List<PublicationTable> added = new ArrayList<>();
        List<PublicationRows> rows = addTables.rows();
        for (int i = 0; i < rows.size(); i++) {
            added.add(rows.get(i).table("addTables[" + i + "]"));
        }
        List<QualifiedName> dropped = dropTables.getValue().stream().sorted().map(AlterPublicationForm::qualified).toList();
        return new AlterPublicationSpec(value("name", () -> Identifier.of(required("name", name.getValue(), "a publication"))), added,
                dropped, changeOperations.getValue() ? OperationsField.value(operations) : null, null);
    }

    /** "app.orders": the schema up to the first dot (as the list shows a published table). */
    private static QualifiedName qualified(String text) {
        int dot = text.indexOf('.');
        return QualifiedName.of(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public void preselectPublication(String publication) {
        name.setValue(publication);
    }

    @Override
    public void load(ChangeSpec spec) {
        AlterPublicationSpec s = (AlterPublicationSpec) spec;
        name.setValue(s.name().name());
        addTables.clear();
        s.addTables().forEach(table -> addTables.add().load(table));
        dropTables.setValue(new LinkedHashSet<>(s.dropTables().stream().map(QualifiedName::display).toList()));
        changeOperations.setValue(s.operations() != null);
        if (s.operations() != null) {
            operations.setValue(new LinkedHashSet<>(s.operations()));
        }
    }

    @Override
    public void clearErrors() {
        super.clearErrors();
        addTables.clearErrors();
    }

    @Override
    public void showError(Invalid invalid) {
        if (!PublicationRows.showError(addTables, "addTables", invalid)) {
            super.showError(invalid);
        }
    }
}
