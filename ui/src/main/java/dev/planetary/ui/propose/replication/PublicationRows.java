package dev.planetary.ui.propose.replication;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.ddl.PublicationTable;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.RowList;
import dev.planetary.ui.propose.SpecForm;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** One table of a publication in a form: schema, table, the columns to publish (none: every one), a row filter. */
final class PublicationRows implements RowList.Row {

    final ComboBox<String> schema = new ComboBox<>();
    final ComboBox<String> table = new ComboBox<>();
    final MultiSelectComboBox<String> columns = new MultiSelectComboBox<>();
    final TextField rowFilter = new TextField();

    PublicationRows(CatalogChoices catalog, Runnable changed) {
        schema.setItems(catalog.schemas());
        schema.setPlaceholder("schema");
        schema.setAriaLabel("Schema");
        schema.setWidth("9em");
        table.setPlaceholder("table");
        table.setAriaLabel("Table");
        table.setWidth("11em");
        columns.setPlaceholder("every column");
        columns.setAriaLabel("Columns to publish");
        columns.setWidth("16em");
        rowFilter.setPlaceholder("every row, or e.g. status <> 'void'");
        rowFilter.setAriaLabel("Row filter");
        rowFilter.setWidth("16em");
        rowFilter.addClassName("sql-editor");
        rowFilter.setValueChangeMode(ValueChangeMode.LAZY);
        schema.addValueChangeListener(e -> {
            table.setItems(catalog.relations(e.getValue()));
            changed.run();
        });
        table.addValueChangeListener(e -> {
            columns.setItems(catalog.columns(schema.getValue(), e.getValue()));
            changed.run();
        });
        columns.addValueChangeListener(e -> changed.run());
        rowFilter.addValueChangeListener(e -> changed.run());
    }

    @Override
    public Map<String, ? extends HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("schema", schema);
        fields.put("table", table);
        fields.put("columns", columns);
        fields.put("rowFilter", rowFilter);
        return fields;
    }

    /** The row as the spec has it; {@code field} is the row's name in the spec ({@code tables[0]}). */
    PublicationTable table(String field) {
        QualifiedName name = SpecForm.value(field + ".table", () -> QualifiedName.of(
                SpecForm.required(field + ".schema", schema.getValue(), "a schema"),
                SpecForm.required(field + ".table", table.getValue(), "a table")));
        // the columns in the table's order, as PostgreSQL keeps a column list
        List<Identifier> chosen = columns.getListDataView().getItems().filter(columns.getSelectedItems()::contains)
                .map(Identifier::of).toList();
        SqlFragment filter = rowFilter.getValue() == null || rowFilter.getValue().isBlank() ? null
                : SpecForm.value(field + ".rowFilter", () -> SqlFragment.of(rowFilter.getValue()));
        return new PublicationTable(name, chosen, filter);
    }

    void load(PublicationTable published) {
        schema.setValue(published.table().schema().name());
        table.setValue(published.table().name().name());
        columns.setValue(new LinkedHashSet<>(published.columns().stream().map(Identifier::name).toList()));
        rowFilter.setValue(published.rowFilter() == null ? "" : published.rowFilter().sql());
    }

    /** A spec's error on a table ({@code tables[0]}, {@code tables[0].table}) shown on the row: on the table when not on a field. */
    static boolean showError(RowList<PublicationRows> rows, String prefix, SpecForm.Invalid invalid) {
        String field = invalid.field();
        if (field == null || !field.startsWith(prefix + "[")) {
            return false;
        }
        String row = field.substring(prefix.length());
        return rows.showError(row.contains(".") ? row : row + ".table", invalid.getMessage());
    }
}
