package dev.planetary.ui.propose;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.spec.view.Redaction;
import dev.planetary.kernel.spec.view.ViewColumn;
import dev.planetary.kernel.sql.Identifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table's columns as a view will show them: each included or not, as stored or masked. With
 * {@code suggestMasks}, columns whose names look sensitive (e-mail, card, secret) start masked.
 */
public class ColumnPicker extends VerticalLayout {

    private final List<Row> rows = new ArrayList<>();

    private record Row(String column, Checkbox include, Select<Redaction> redaction) {
    }

    public ColumnPicker(List<Catalog.Column> columns, boolean suggestMasks, Runnable changed) {
        setPadding(false);
        setSpacing(false);
        addClassName("column-picker");
        for (Catalog.Column column : columns) {
            Checkbox include = new Checkbox(column.name() + "  ·  " + column.type());
            include.setValue(true);
            include.setWidth("22em");
            Select<Redaction> redaction = new Select<>();
            redaction.setItems(Redaction.NONE, Redaction.MASK_EMAIL, Redaction.MASK_PAN, Redaction.HASH, Redaction.NULLIFY);
            redaction.setItemLabelGenerator(ColumnPicker::label);
            redaction.setValue(suggestMasks ? suggested(column.name()) : Redaction.NONE);
            redaction.setWidth("12em");
            include.addValueChangeListener(e -> {
                redaction.setEnabled(e.getValue());
                changed.run();
            });
            redaction.addValueChangeListener(e -> changed.run());
            HorizontalLayout row = new HorizontalLayout(include, redaction);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            add(row);
            rows.add(new Row(column.name(), include, redaction));
        }
    }

    public List<ViewColumn> chosen() {
        return rows.stream().filter(r -> r.include().getValue())
                .map(r -> new ViewColumn(Identifier.of(r.column()), r.redaction().getValue(), null)).toList();
    }

    public void load(List<ViewColumn> columns) {
        for (Row row : rows) {
            ViewColumn column = columns.stream().filter(c -> c.name().name().equals(row.column())).findFirst().orElse(null);
            row.include().setValue(column != null);
            row.redaction().setValue(column == null || column.redaction() == Redaction.FUNCTION ? Redaction.NONE : column.redaction());
        }
    }


    public static String label(Redaction redaction) {
        return switch (redaction) {
            case NONE -> "as stored";
            case MASK_EMAIL -> "mask e-mail";
            case MASK_PAN -> "mask card number";
            case HASH -> "SHA-256 hash";
            case NULLIFY -> "always NULL";
            case FUNCTION -> "function";
        };
    }

    public static Redaction suggested(String column) {
        String name = column.toLowerCase(Locale.ROOT);
        if (name.contains("email") || name.contains("e_mail")) {
            return Redaction.MASK_EMAIL;
        }
        if (name.contains("card") || name.contains("pan") || name.contains("iban")) {
            return Redaction.MASK_PAN;
        }
        if (name.contains("password") || name.contains("secret") || name.contains("token") || name.contains("ssn")) {
            return Redaction.NULLIFY;
        }
        return Redaction.NONE;
    }
}
