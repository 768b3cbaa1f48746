package dev.planetary.ui.propose;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rows the person adds and removes (a function's parameters, the columns of RETURNS TABLE), each a
 * few fields. A spec names a row's field by position ({@code parameters[1].type}); the error lands
 * on that row's field.
 */
public final class RowList<R extends RowList.Row> extends Div {

    /** One row: its fields, by the name the spec gives them ({@code name}, {@code type}...). */
    public interface Row {
        Map<String, ? extends HasValidation> fields();
    }

    private final String label;
    private final List<String> headers;
    private final HorizontalLayout header = new HorizontalLayout();
    private final Supplier<R> factory;
    private final Runnable changed;
    private final List<R> rows = new ArrayList<>();
    private final List<HorizontalLayout> lines = new ArrayList<>();
    private final Div body = new Div();
    private final Span empty;
    public final Button add;

    /** {@code headers}: one caption per field of a row, shown above the rows (the fields carry placeholders only). */
    public RowList(String label, List<String> headers, String addLabel, String emptyText, Supplier<R> factory, Runnable changed) {
        this.label = label;
        this.headers = headers;
        this.factory = factory;
        this.changed = changed;
        empty = new Span(emptyText);
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add = new Button(addLabel, e -> add());
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Span title = new Span(label);
        title.getStyle().set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500")
                .set("color", "var(--lumo-secondary-text-color)");
        header.setVisible(false);
        add(new Div(title), header, body, empty, new Div(add));
        addClassName("row-list");
    }

    public String label() {
        return label;
    }

    public List<R> rows() {
        return List.copyOf(rows);
    }

    public R add() {
        R row = factory.get();
        rows.add(row);
        HorizontalLayout line = new HorizontalLayout();
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.fields().values().forEach(f -> line.add((Component) f));
        Button remove = new Button("Remove", e -> remove(row));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.getElement().setAttribute("aria-label", "Remove this row");
        line.add(remove);
        lines.add(line);
        body.add(line);
        empty.setVisible(false);
        showHeader(row);
        changed.run();
        return row;
    }

    public void remove(R row) {
        int index = rows.indexOf(row);
        if (index < 0) {
            return;
        }
        rows.remove(index);
        body.remove(lines.remove(index));
        empty.setVisible(rows.isEmpty());
        header.setVisible(!rows.isEmpty());
        changed.run();
    }

    public void clear() {
        rows.clear();
        lines.clear();
        body.removeAll();
        empty.setVisible(true);
        header.setVisible(false);
    }

    /** Captions as wide as the row's fields, so each stands over its column. */
    private void showHeader(R row) {
        if (header.getComponentCount() == 0) {
            List<? extends HasValidation> fields = List.copyOf(row.fields().values());
            for (int i = 0; i < fields.size() && i < headers.size(); i++) {
                Span caption = new Span(headers.get(i));
                caption.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
                // the width is the field's, in the field's em: the smaller caption text sits inside it
                Div column = new Div(caption);
                column.setWidth(((com.vaadin.flow.component.HasSize) fields.get(i)).getWidth());
                column.getStyle().set("flex-shrink", "0");
                header.add(column);
            }
        }
        header.setVisible(true);
    }

    public void clearErrors() {
        rows.forEach(r -> r.fields().values().forEach(f -> f.setInvalid(false)));
    }

    /** Shows an error named {@code [i].field} on that row's field; false when no such field is here. */
    public boolean showError(String field, String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]\\.(\\w+)").matcher(field);
        if (!m.matches()) {
            return false;
        }
        int index = Integer.parseInt(m.group(1));
        HasValidation target = index < rows.size() ? rows.get(index).fields().get(m.group(2)) : null;
        if (target == null) {
            return false;
        }
        target.setErrorMessage(message);
        target.setInvalid(true);
        return true;
    }
}
