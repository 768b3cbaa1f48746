package dev.planetary.ui.testrun;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.TypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * One field per input argument of the chosen function, labelled with its name and type. Values are
 * text that PostgreSQL casts to the type. An empty field is NULL, except that empty trailing fields
 * whose arguments have defaults are left out, so the defaults apply.
 */
class ArgumentFields extends VerticalLayout {

    /** What to call: the argument types named in the call, and a value (or null) for each. */
    record Call(List<TypeName> types, List<String> values) {
    }

    private record Field(Catalog.Argument argument, TextField input) {
    }

    private final List<Field> fields = new ArrayList<>();

    ArgumentFields() {
        setPadding(false);
        setSpacing(false);
        setId("test-arguments");
    }

    void show(Catalog.Function function) {
        removeAll();
        fields.clear();
        if (function == null) {
            return;
        }
        int position = 0;
        for (Catalog.Argument argument : function.arguments()) {
            if (argument.mode() == Catalog.ArgumentMode.OUT || argument.mode() == Catalog.ArgumentMode.TABLE) {
                continue;
            }
            position++;
            String name = argument.name() == null ? "$" + position : argument.name();
            TextField input = new TextField(name + " (" + argument.type() + ")");
            input.setWidth("24em");
            input.setPlaceholder(argument.defaultExpression() == null ? "NULL when empty" : "default when empty");
            if (argument.defaultExpression() != null) {
                input.setHelperText("default: " + argument.defaultExpression());
            }
            if (argument.mode() == Catalog.ArgumentMode.VARIADIC) {
                input.setHelperText("an array literal, e.g. {a,b}");
            }
            fields.add(new Field(argument, input));
            add(input);
        }
        if (fields.isEmpty()) {
            add(new com.vaadin.flow.component.html.Span(function.signature() + " takes no arguments."));
        }
    }

    Call call() {
        int last = fields.size();
        // leave out the trailing empty fields that have defaults: PostgreSQL fills those in
        while (last > 0 && blank(fields.get(last - 1)) && fields.get(last - 1).argument().defaultExpression() != null) {
            last--;
        }
        List<TypeName> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Field field : fields.subList(0, last)) {
            try {
                types.add(TypeName.of(field.argument().type()));
            } catch (IllegalArgumentException e) {
                throw new SpecViolation("arguments", field.argument().type() + ": " + e.getMessage());
            }
            values.add(blank(field) ? null : field.input().getValue());
        }
        return new Call(types, values);
    }

    List<TextField> inputs() {
        return fields.stream().map(Field::input).toList();
    }

    private static boolean blank(Field field) {
        return field.input().getValue() == null || field.input().getValue().isEmpty();
    }
}
