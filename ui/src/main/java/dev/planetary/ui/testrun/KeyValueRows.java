package dev.planetary.ui.testrun;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Name = value rows: session claims (free names such as {@code app.tenant_id}) or a view's column
 * values (names picked from its columns). Rows with no name are ignored.
 */
class KeyValueRows extends Div {

    private record Row(HasValue<?, String> key, TextField value, HorizontalLayout line) {
    }

    private final String keyPlaceholder;
    private final String valuePlaceholder;
    private final Div body = new Div();
    private final List<Row> rows = new ArrayList<>();
    private List<String> choices;
    final HorizontalLayout buttons = new HorizontalLayout();

    /** Free names when {@code choices} is null, otherwise names picked from the list. */
    KeyValueRows(String label, String keyPlaceholder, String valuePlaceholder, List<String> choices) {
        this.keyPlaceholder = keyPlaceholder;
        this.valuePlaceholder = valuePlaceholder;
        this.choices = choices;
        Span title = new Span(label);
        title.getStyle().set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500")
                .set("color", "var(--lumo-secondary-text-color)");
        Button add = new Button("+ Add", e -> add("", ""));
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        buttons.add(add);
        buttons.setSpacing(false);
        add(new Div(title), body, buttons);
    }

    /** New names to choose from (another view's columns): the rows start again. */
    void choices(List<String> names) {
        choices = names;
        rows.clear();
        body.removeAll();
    }

    /** A row with this name and value; a row of the same name is replaced. */
    void put(String key, String value) {
        rows.stream().filter(r -> key.equals(r.key().getValue())).findFirst().ifPresentOrElse(
                r -> r.value().setValue(value), () -> add(key, value));
    }

    void add(String key, String value) {
        HasValue<?, String> keyField;
        if (choices == null) {
            TextField free = new TextField();
            free.setPlaceholder(keyPlaceholder);
            free.setWidth("16em");
            free.setValue(key);
            keyField = free;
        } else {
            ComboBox<String> pick = new ComboBox<>();
            pick.setItems(choices);
            pick.setPlaceholder(keyPlaceholder);
            pick.setWidth("16em");
            if (choices.contains(key)) {
                pick.setValue(key);
            }
            keyField = pick;
        }
        TextField valueField = new TextField();
        valueField.setPlaceholder(valuePlaceholder);
        valueField.setWidth("24em");
        valueField.setValue(value);
        HorizontalLayout line = new HorizontalLayout((Component) keyField, valueField);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        Row row = new Row(keyField, valueField, line);
        Button remove = new Button("Remove", e -> {
            rows.remove(row);
            body.remove(line);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        line.add(remove);
        rows.add(row);
        body.add(line);
    }

    /** Name to value, in order; an empty value is null (SQL NULL for a column, an empty setting for a claim). */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Row row : rows) {
            String key = row.key().getValue();
            if (key != null && !key.isBlank()) {
                String value = row.value().getValue();
                values.put(key.strip(), value == null || value.isEmpty() ? null : value);
            }
        }
        return values;
    }
}
