package dev.planetary.kernel.testrun;

import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A trial call, made as {@code role} with {@code settings} (session claims such as
 * {@code app.tenant_id} or {@code request.jwt.claims}) in force, inside a transaction that is
 * always rolled back. Either a function with its argument types and values (text, cast by
 * PostgreSQL; a null value is SQL NULL), or a view with an operation: SELECT or DELETE rows
 * matching {@code match}, INSERT {@code values}, UPDATE matching rows to {@code values}.
 */
public record TestRunRequest(
        Target target,
        QualifiedName object,
        List<TypeName> argumentTypes,
        List<String> arguments,
        ViewOperation operation,
        Map<String, String> values,
        Map<String, String> match,
        Identifier role,
        Map<String, String> settings) {

    public enum Target { FUNCTION, VIEW }

    public enum ViewOperation { SELECT, INSERT, UPDATE, DELETE }

    /** Custom settings always have a dot: {@code app.tenant_id}, {@code request.jwt.claims}. */
    private static final Pattern SETTING = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");

    public TestRunRequest {
        if (target == null) {
            throw new SpecViolation("target", "choose FUNCTION or VIEW");
        }
        if (object == null) {
            throw new SpecViolation("object", "name the " + target.name().toLowerCase() + " to call");
        }
        if (role == null) {
            throw new SpecViolation("role", "choose the role to test as");
        }
        argumentTypes = argumentTypes == null ? List.of() : List.copyOf(argumentTypes);
        arguments = arguments == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        match = match == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(match));
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        if (target == Target.FUNCTION && arguments.size() != argumentTypes.size()) {
            throw new SpecViolation("arguments", "the function takes " + argumentTypes.size() + " arguments, "
                    + arguments.size() + " given");
        }
        if (target == Target.VIEW) {
            operation = operation == null ? ViewOperation.SELECT : operation;
            if ((operation == ViewOperation.INSERT || operation == ViewOperation.UPDATE) && values.isEmpty()) {
                throw new SpecViolation("values", operation + " needs at least one column value");
            }
            checkColumns("values", values);
            checkColumns("match", match);
        }
        for (String name : settings.keySet()) {
            if (name == null || !SETTING.matcher(name).matches()) {
                throw new SpecViolation("settings", "'" + name + "' is not a custom setting such as app.tenant_id");
            }
        }
    }

    private static void checkColumns(String field, Map<String, String> columns) {
        for (String column : columns.keySet()) {
            try {
                Identifier.of(column);
            } catch (IllegalArgumentException e) {
                throw new SpecViolation(field, "'" + column + "' is not a column name: " + e.getMessage());
            }
        }
    }

    /** What was run, in words, for the history. */
    public String describe() {
        String what = target == Target.FUNCTION
                ? object.display() + "(" + String.join(", ", argumentTypes.stream().map(TypeName::name).toList()) + ")"
                : operation + " on " + object.display();
        return what + " as " + role.name() + (settings.isEmpty() ? "" : " with " + String.join(", ", settings.keySet()));
    }
}
