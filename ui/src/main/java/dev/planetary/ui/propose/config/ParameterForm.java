package dev.planetary.ui.propose.config;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.config.ParameterValue;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the forms that set a parameter share: the parameter (those of the contexts the kind can change),
 * its new value checked as it is typed against the parameter's type, unit, range and choices, with what
 * the parameter is now under it, or a reset. Subclasses add their own fields first (a role, a database),
 * then call {@link #parameterFields}.
 */
abstract class ParameterForm extends SpecForm {

    ComboBox<String> parameter;
    TextField value;
    Checkbox reset;
    private Map<String, ConfigParameter> parameters;

    protected final void parameterFields(CatalogChoices catalog, Set<String> contexts, String resetLabel) {
        parameters = catalog.parameters().stream().filter(p -> contexts.contains(p.context()))
                .collect(Collectors.toMap(ConfigParameter::name, Function.identity(), (a, b) -> a, TreeMap::new));
        parameter = field("parameter", new ComboBox<>("Parameter"));
        parameter.setItems(parameters.keySet());
        parameter.setId(idPrefix() + "-parameter");
        value = field("value", new TextField("New value"));
        value.setId(idPrefix() + "-value");
        value.setValueChangeMode(ValueChangeMode.LAZY); // checked as it is typed, not only when the field is left
        reset = option(resetLabel);
        reset.setId(idPrefix() + "-reset");
        parameter.addValueChangeListener(e -> describe());
        reset.addValueChangeListener(e -> value.setEnabled(!e.getValue()));
    }

    /** The prefix of the fields' ids ({@code alter-system-value}). */
    protected abstract String idPrefix();

    /** The parameter chosen, required. */
    protected String chosenParameter() {
        return required("parameter", parameter.getValue(), "a parameter");
    }

    /** The value typed, checked against the parameter; null for a reset. */
    protected String checkedValue() {
        if (reset.getValue()) {
            return null;
        }
        String typed = required("value", value.getValue(), "a value");
        ConfigParameter known = parameters.get(parameter.getValue());
        if (known != null) {
            value("value", () -> ParameterValue.of(known, typed));
        }
        return typed;
    }

    protected void loadParameter(String name, String newValue, boolean resetting) {
        parameter.setValue(name);
        reset.setValue(resetting);
        value.setValue(newValue == null ? "" : newValue);
    }

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
