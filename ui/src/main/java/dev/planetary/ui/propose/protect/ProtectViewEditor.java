package dev.planetary.ui.propose.protect;

import dev.planetary.ui.propose.ColumnPicker;
import dev.planetary.ui.propose.SpecForm;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.spec.protect.AccessView;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.view.ViewColumn;
import dev.planetary.kernel.spec.protect.ViewWrite;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One access view of a protection: its name, grantees, the columns it shows (each included or
 * not, and masked or not), and the writes it accepts with the body of each validation function.
 */
class ProtectViewEditor extends VerticalLayout {

    private static final List<TriggerEvent> WRITES = List.of(TriggerEvent.INSERT, TriggerEvent.UPDATE, TriggerEvent.DELETE);

    final TextField name = new TextField("View name");
    final MultiSelectComboBox<String> grantees = new MultiSelectComboBox<>("Granted to");
    final CheckboxGroup<TriggerEvent> writes = new CheckboxGroup<>("Writes through the view");
    private final ColumnPicker picker;
    private final Map<TriggerEvent, TextArea> bodies = new EnumMap<>(TriggerEvent.class);
    private final Span columnsProblem = new Span();

    ProtectViewEditor(String viewName, List<Catalog.Column> columns, List<String> roles, boolean redacted,
                      Runnable changed, Consumer<ProtectViewEditor> remove) {
        addClassName("protect-view");
        setPadding(true);
        getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)");
        name.setValue(viewName);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(e -> changed.run());
        grantees.setItems(roles);
        grantees.addValueChangeListener(e -> changed.run());
        grantees.setWidth("22em");
        writes.setItems(WRITES);
        writes.addValueChangeListener(e -> {
            bodies.forEach((operation, body) -> body.setVisible(e.getValue().contains(operation)));
            changed.run();
        });
        HorizontalLayout header = new HorizontalLayout(name, grantees, writes, ProtectForm.removeButton(() -> remove.accept(this)));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        add(header);

        picker = new ColumnPicker(columns, redacted, changed);
        columnsProblem.getStyle().set("color", "var(--lumo-error-text-color)");
        add(picker, columnsProblem);

        for (TriggerEvent operation : WRITES) {
            TextArea body = new TextArea(operation + " validation (PL/pgSQL body)");
            ProtectForm.styleCode(body);
            body.setValue(ViewWrite.skeleton(operation));
            body.setVisible(false);
            body.addValueChangeListener(e -> changed.run());
            bodies.put(operation, body);
            add(body);
        }
    }

    AccessView view(String at) {
        Identifier viewName = SpecForm.value(at + ".name", () -> Identifier.of(SpecForm.required(at + ".name", name.getValue(), "a view name")));
        List<ViewColumn> shown = picker.chosen();
        List<ViewWrite> accepted = WRITES.stream().filter(op -> writes.getValue().contains(op))
                .map(op -> new ViewWrite(op, bodies.get(op).getValue())).toList();
        try {
            return new AccessView(viewName, shown, grantees.getValue().stream().sorted().map(Grantee::of).toList(), accepted);
        } catch (SpecViolation e) {
            throw new SpecViolation(at + "." + e.field(), e.getMessage());
        }
    }

    void load(AccessView view) {
        name.setValue(view.name().name());
        grantees.setValue(view.grantees().stream().map(Grantee::display).collect(java.util.stream.Collectors.toSet()));
        picker.load(view.columns());
        writes.setValue(view.writes().stream().map(ViewWrite::operation).collect(java.util.stream.Collectors.toSet()));
        view.writes().forEach(w -> bodies.get(w.operation()).setValue(w.body()));
    }

    void showError(SpecForm.Invalid invalid, int index) {
        String prefix = "views[" + index + "]";
        if (!invalid.field().startsWith(prefix)) {
            return;
        }
        String rest = invalid.field().substring(prefix.length());
        if (rest.equals(".name")) {
            name.setErrorMessage(invalid.getMessage());
            name.setInvalid(true);
        } else if (rest.startsWith(".writes")) {
            writes.setErrorMessage(invalid.getMessage());
            writes.setInvalid(true);
        } else {
            columnsProblem.setText(invalid.getMessage());
        }
    }

    void clearErrors() {
        name.setInvalid(false);
        writes.setInvalid(false);
        columnsProblem.setText("");
    }


}
