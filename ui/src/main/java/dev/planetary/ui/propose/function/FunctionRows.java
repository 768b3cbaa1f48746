package dev.planetary.ui.propose.function;

import dev.planetary.ui.propose.RowList;
import dev.planetary.ui.propose.SpecForm;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.spec.function.FunctionColumn;
import dev.planetary.kernel.spec.function.FunctionParameter;
import dev.planetary.kernel.spec.function.ParameterMode;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.kernel.sql.TypeName;

import java.util.LinkedHashMap;
import java.util.Map;

/** The rows of the create-function form: a parameter, and a column of RETURNS TABLE. */
final class FunctionRows {

    private FunctionRows() {
    }

    /** name (optional), mode, type, default (optional): one parameter. */
    static final class Parameter implements RowList.Row {
        final TextField name = text("name (optional)", "Parameter name", "10em");
        final Select<ParameterMode> mode = new Select<>();
        final TextField type = text("type, e.g. text", "Parameter type", "12em");
        final TextField defaultValue = text("default (optional)", "Parameter default", "12em");

        Parameter(Runnable changed) {
            mode.setItems(ParameterMode.values());
            mode.setValue(ParameterMode.IN);
            mode.setWidth("8em");
            mode.setAriaLabel("Parameter mode");
            mode.addValueChangeListener(e -> changed.run());
            name.addValueChangeListener(e -> changed.run());
            type.addValueChangeListener(e -> changed.run());
            defaultValue.addValueChangeListener(e -> changed.run());
            defaultValue.addClassName("sql-editor");
        }

        @Override
        public Map<String, ? extends HasValidation> fields() {
            Map<String, HasValidation> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("mode", mode);
            fields.put("type", type);
            fields.put("defaultValue", defaultValue);
            return fields;
        }

        FunctionParameter parameter(int index) {
            String field = "parameters[" + index + "]";
            Identifier parameterName = blank(name) ? null : SpecForm.value(field + ".name", () -> Identifier.of(name.getValue().strip()));
            TypeName parameterType = SpecForm.value(field + ".type",
                    () -> TypeName.of(SpecForm.required(field + ".type", type.getValue(), "a type")));
            SqlFragment fallback = blank(defaultValue) ? null : SpecForm.value(field + ".defaultValue", () -> SqlFragment.of(defaultValue.getValue()));
            return new FunctionParameter(parameterName, mode.getValue(), parameterType, fallback);
        }

        void load(FunctionParameter parameter) {
            name.setValue(parameter.name() == null ? "" : parameter.name().name());
            mode.setValue(parameter.mode());
            type.setValue(parameter.type() == null ? "" : parameter.type().name());
            defaultValue.setValue(parameter.defaultValue() == null ? "" : parameter.defaultValue().sql());
        }
    }

    /** name, type: one column of RETURNS TABLE. */
    static final class Column implements RowList.Row {
        final TextField name = text("column name", "Column name", "12em");
        final TextField type = text("type, e.g. bigint", "Column type", "12em");

        Column(Runnable changed) {
            name.addValueChangeListener(e -> changed.run());
            type.addValueChangeListener(e -> changed.run());
        }

        @Override
        public Map<String, ? extends HasValidation> fields() {
            Map<String, HasValidation> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("type", type);
            return fields;
        }

        FunctionColumn column(int index) {
            String field = "returns.columns[" + index + "]";
            Identifier columnName = SpecForm.value(field + ".name",
                    () -> Identifier.of(SpecForm.required(field + ".name", name.getValue(), "a column name").strip()));
            TypeName columnType = SpecForm.value(field + ".type",
                    () -> TypeName.of(SpecForm.required(field + ".type", type.getValue(), "a type")));
            return new FunctionColumn(columnName, columnType);
        }

        void load(String columnName, String columnType) {
            name.setValue(columnName == null ? "" : columnName);
            type.setValue(columnType == null ? "" : columnType);
        }
    }

    private static TextField text(String placeholder, String ariaLabel, String width) {
        TextField field = new TextField();
        field.setPlaceholder(placeholder);
        field.setAriaLabel(ariaLabel);
        field.setWidth(width);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        return field;
    }

    static boolean blank(TextField field) {
        return field.getValue() == null || field.getValue().isBlank();
    }
}
