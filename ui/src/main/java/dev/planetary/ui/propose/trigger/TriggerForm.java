package dev.planetary.ui.propose.trigger;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.TableForm;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.trigger.CreateTriggerSpec;
import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.trigger.TriggerLevel;
import dev.planetary.kernel.spec.trigger.TriggerTiming;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.ArrayList;
import java.util.List;

/** CREATE TRIGGER calling an existing trigger function. */
public class TriggerForm extends TableForm {

    final TextField name = field("name", new TextField("Trigger name"));
    final RadioButtonGroup<TriggerTiming> timing = field("timing", new RadioButtonGroup<>("Timing"));
    final CheckboxGroup<TriggerEvent> events = field("events", new CheckboxGroup<>("Events"));
    final MultiSelectComboBox<String> updateColumns = field("updateColumns", new MultiSelectComboBox<>("UPDATE OF columns"));
    final RadioButtonGroup<TriggerLevel> level = field("level", new RadioButtonGroup<>("For each"));
    final TextArea when = field("when", new TextArea("WHEN condition (optional)"));
    final ComboBox<String> function = field("function", new ComboBox<>("Trigger function"));

    public TriggerForm(CatalogChoices catalog) {
        super(catalog, "Table or view");
        table.addValueChangeListener(e -> {
            updateColumns.clear();
            updateColumns.setItems(catalog.columns(schema.getValue(), e.getValue()));
        });
        timing.setItems(TriggerTiming.values());
        timing.setItemLabelGenerator(TriggerTiming::sql);
        timing.setValue(TriggerTiming.BEFORE);
        events.setItems(TriggerEvent.values());
        level.setItems(TriggerLevel.values());
        level.setValue(TriggerLevel.ROW);
        when.setValueChangeMode(ValueChangeMode.LAZY);
        when.addClassName("sql");
        name.setValueChangeMode(ValueChangeMode.LAZY);
        function.setItems(catalog.triggerFunctions());
    }



    @Override
    protected ChangeSpec build() {
        QualifiedName relation = relation();
        Identifier trigger = value("name", () -> Identifier.of(required("name", name.getValue(), "a name")));
        String chosen = required("function", function.getValue(), "a trigger function");
        int dot = chosen.indexOf('.');
        QualifiedName fn = QualifiedName.of(chosen.substring(0, dot), chosen.substring(dot + 1));
        SqlFragment condition = value("when", () -> when.getValue() == null || when.getValue().isBlank() ? null : SqlFragment.of(when.getValue()));
        List<Identifier> columns = updateColumns.getValue().stream().sorted().map(Identifier::of).toList();
        return new CreateTriggerSpec(relation, trigger, timing.getValue(), new ArrayList<>(events.getValue()), columns,
                level.getValue(), condition, fn, List.of());
    }

    @Override
    public void load(ChangeSpec spec) {
        CreateTriggerSpec s = (CreateTriggerSpec) spec;
        preselect(s.table());
        name.setValue(s.name().name());
        timing.setValue(s.timing());
        events.setValue(java.util.Set.copyOf(s.events()));
        updateColumns.setValue(s.updateColumns().stream().map(Identifier::name).collect(java.util.stream.Collectors.toSet()));
        level.setValue(s.level());
        when.setValue(s.when() == null ? "" : s.when().sql());
        function.setValue(s.function().display());
    }
}
