package dev.planetary.ui.propose.replication;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.ddl.PublicationTable;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.replication.CreatePublicationSpec;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.RowList;
import dev.planetary.ui.propose.SpecForm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Publishes tables: each with the columns to send (none chosen: every one) and a row filter, for the operations
 * checked. A table whose UPDATE or DELETE would fail is refused when proposed, on its row.
 */
public class CreatePublicationForm extends SpecForm {

    final TextField name = field("name", new TextField("Publication name"));
    final CheckboxGroup<String> operations = field("operations", OperationsField.create("Publishes"));
    final RowList<PublicationRows> tables;
    final Checkbox viaRoot = option("Partitions publish as their root table (publish_via_partition_root)");

    public CreatePublicationForm(CatalogChoices catalog) {
        name.setId("create-publication-name");
        operations.setId("create-publication-operations");
        tables = new RowList<>("Tables", List.of("Schema", "Table", "Columns", "Rows (WHERE)"), "+ Add table",
                "No table yet: a publication publishes at least one.", () -> new PublicationRows(catalog, this::changed), this::changed);
        tables.setId("create-publication-tables");
        layout.add(tables);
        layout.setColspan(tables, 2);
        tables.add();
    }

    @Override
    protected ChangeSpec build() {
        Identifier publication = value("name", () -> Identifier.of(required("name", name.getValue(), "a name").strip()));
        List<PublicationTable> published = new ArrayList<>();
        List<PublicationRows> rows = tables.rows();
        for (int i = 0; i < rows.size(); i++) {
            published.add(rows.get(i).table("tables[" + i + "]"));
        }
        return new CreatePublicationSpec(publication, published, OperationsField.value(operations), viaRoot.getValue(), null);
    }

    @Override
    public void load(ChangeSpec spec) {
        CreatePublicationSpec s = (CreatePublicationSpec) spec;
        name.setValue(s.name().name());
        operations.setValue(new LinkedHashSet<>(s.operations()));
        viaRoot.setValue(s.viaRoot());
        tables.clear();
        s.tables().forEach(table -> tables.add().load(table));
    }

    @Override
    public void clearErrors() {
        super.clearErrors();
        tables.clearErrors();
    }

    @Override
    public void showError(Invalid invalid) {
        if (!PublicationRows.showError(tables, "tables", invalid)) {
            super.showError(invalid);
        }
    }
}
