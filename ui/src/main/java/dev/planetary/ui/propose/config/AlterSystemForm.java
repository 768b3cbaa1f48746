package dev.planetary.ui.propose.config;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.config.ParameterValue;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.config.AlterSystemSpec;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ALTER SYSTEM: a parameter the server lets change (not the internal ones), its new value checked as
 * it is typed against the parameter's type, unit, range and choices, or a reset to the server's default.
 * Under the value: what the parameter is now, what it takes and its range.
 */
public class AlterSystemForm extends SpecForm {

    final ComboBox<String> parameter = field("parameter", new ComboBox<>("Parameter"));
    final TextField value = field("value", new TextField("New value"));
    final Checkbox reset;
    private final Map<String, ConfigParameter> parameters;

    public AlterSystemForm(CatalogChoices catalog) {
        parameters = catalog.parameters().stream().filter(p -> !"internal".equals(p.context()))
                .collect(Collectors.toMap(ConfigParameter::name, Function.identity(), (a, b) -> a, java.util.TreeMap::new));
        parameter.setItems(parameters.keySet());
        parameter.setId("alter-system-parameter");
        parameter.setWidth("22em");
        value.setId("alter-system-value");
        value.setWidth("22em");
        value.setValueChangeMode(ValueChangeMode.LAZY); // checked as it is typed, not only when the field is left
        reset = option("Reset to the server's default (remove the line from postgresql.auto.conf)");
        reset.setId("alter-system-reset");
        parameter.addValueChangeListener(e -> describe());
        reset.addValueChangeListener(e -> value.setEnabled(!e.getValue()));
    }

    @Override
    protected ChangeSpec build() {
        String name = required("parameter", parameter.getValue(), "a parameter");
        if (reset.getValue()) {
            return value("parameter", () -> new AlterSystemSpec(name, null, true, null));
        }
        String typed = required("value", value.getValue(), "a value");
        ConfigParameter known = parameters.get(name);
        if (known != null) {
            value("value", () -> ParameterValue.of(known, typed));
        }
        return value("value", () -> new AlterSystemSpec(name, typed, false, null));
    }

    @Override
    public void load(ChangeSpec spec) {
        AlterSystemSpec s = (AlterSystemSpec) spec;
        parameter.setValue(s.parameter());
        reset.setValue(s.reset());
        value.setValue(s.value() == null ? "" : s.value());
    }

    /** Opens the form on one parameter (the configuration page's "Change" link). */
    @Override
    public void preselectParameter(String name) {
        if (parameters.containsKey(name)) {
            parameter.setValue(name);
        }
    }

    private void describe() {
        ConfigParameter p = parameters.get(parameter.getValue());
        if (p == null) {
            value.setHelperText(null);
            return;
        }
        StringBuilder help = new StringBuilder("Now ").append(p.display()).append(" (").append(p.source()).append(") · ")
                .append(p.type());
        if (p.min() != null && p.max() != null) {
            help.append(" from ").append(p.min()).append(" to ").append(p.max()).append(p.unit() == null ? "" : " " + p.unit());
        }
        if (!p.enumValues().isEmpty()) {
            help.append(": ").append(String.join(", ", p.enumValues()));
        }
        help.append(" · takes ").append(p.takes());
        value.setHelperText(help.toString());
        value.setPlaceholder(p.display());
    }
}
