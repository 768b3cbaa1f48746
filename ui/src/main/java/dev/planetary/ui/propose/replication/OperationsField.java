package dev.planetary.ui.propose.replication;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import dev.planetary.kernel.ddl.PublicationDdl;

import java.util.LinkedHashSet;
import java.util.List;

/** What a publication publishes: INSERT, UPDATE, DELETE, TRUNCATE, as checkboxes in PostgreSQL's order. */
final class OperationsField {

    private OperationsField() {
    }

    static CheckboxGroup<String> create(String label) {
        CheckboxGroup<String> operations = new CheckboxGroup<>(label);
        operations.setItems(PublicationDdl.OPERATIONS);
        operations.setItemLabelGenerator(operation -> operation.toUpperCase(java.util.Locale.ROOT));
        operations.setValue(new LinkedHashSet<>(PublicationDdl.OPERATIONS));
        return operations;
    }

    /** The checked operations in PostgreSQL's order. */
    static List<String> value(CheckboxGroup<String> operations) {
        return PublicationDdl.OPERATIONS.stream().filter(operations.getValue()::contains).toList();
    }
}
