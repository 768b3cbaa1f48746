package dev.planetary.kernel.spec.function;

import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.TypeName;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules PostgreSQL checks when it runs CREATE FUNCTION (functioncmds.c, gram.y and the
 * language validators), checked up front so a form can name the field instead of showing a
 * failed dry-run. Names are compared exactly: identifiers are always quoted.
 */
public final class FunctionRules {

    /** Types PostgreSQL accepts for a VARIADIC parameter besides arrays ("any" cannot be written as a TypeName). */
    private static final Set<String> VARIADIC_PSEUDO_TYPES = Set.of("anyarray", "anycompatiblearray");

    private FunctionRules() {
    }

    public static void checkParameters(List<FunctionParameter> parameters) {
        Map<Identifier, Integer> names = new HashMap<>();
        int variadic = -1;
        int firstDefault = -1;
        for (int i = 0; i < parameters.size(); i++) {
            FunctionParameter parameter = parameters.get(i);
            String field = "parameters[" + i + "]";
            SpecViolation.required(field + ".type", parameter.type());
            if (parameter.name() != null) {
                Integer earlier = names.putIfAbsent(parameter.name(), i);
                if (earlier != null) {
                    // PostgreSQL lets a pure IN and a pure OUT share a name and leaves it to the language;
                    // in PL/pgSQL one then hides the other, so the spec refuses every repeat.
                    throw new SpecViolation(field + ".name", "parameters[" + earlier + "] is already called " + parameter.name());
                }
            }
            if (parameter.mode() == ParameterMode.VARIADIC) {
                if (variadic >= 0) {
                    throw new SpecViolation(field + ".mode", "a function has at most one VARIADIC parameter");
                }
                if (!isArray(parameter.type())) {
                    throw new SpecViolation(field + ".type", "a VARIADIC parameter must be an array type, such as text[]");
                }
                variadic = i;
            } else if (parameter.mode().input() && variadic >= 0) {
                throw new SpecViolation("parameters[" + variadic + "].mode", "the VARIADIC parameter must be the last input parameter");
            }
            if (parameter.defaultValue() != null) {
                if (!parameter.mode().input()) {
                    throw new SpecViolation(field + ".defaultValue", "only input parameters can have a default; OUT parameters cannot");
                }
                firstDefault = firstDefault < 0 ? i : firstDefault;
            } else if (parameter.mode().input() && firstDefault >= 0) {
                throw new SpecViolation(field + ".defaultValue",
                        "parameters[" + firstDefault + "] has a default, so every later input parameter needs one too");
            }
        }
    }

    public static void checkReturns(FunctionReturn returns, List<FunctionParameter> parameters, FunctionLanguage language) {
        SpecViolation.required("returns.kind", returns.kind());
        ReturnKind kind = returns.kind();
        if (kind.takesType()) {
            SpecViolation.required("returns.type", returns.type());
            String type = unqualified(returns.type());
            if (type.equals("trigger") || (kind == ReturnKind.SCALAR && type.equals("void"))) {
                throw new SpecViolation("returns.type", "choose the return kind " + type.toUpperCase() + " instead of naming the type");
            }
        } else if (returns.type() != null) {
            throw new SpecViolation("returns.type", "only SCALAR and SETOF returns name a type; " + kind + " has none");
        }
        if (kind != ReturnKind.TABLE && !returns.columns().isEmpty()) {
            throw new SpecViolation("returns.columns", "only TABLE returns have columns");
        }
        List<FunctionParameter> outputs = parameters.stream().filter(p -> p.mode().output()).toList();
        switch (kind) {
            case TABLE -> checkTable(returns.columns(), parameters);
            case TRIGGER -> {
                if (!parameters.isEmpty()) {
                    throw new SpecViolation("parameters",
                            "a trigger function takes no parameters; the trigger's arguments arrive in TG_ARGV");
                }
                if (language == FunctionLanguage.SQL) {
                    throw new SpecViolation("language", "SQL functions cannot return trigger; write it in plpgsql");
                }
            }
            case VOID -> {
                if (!outputs.isEmpty()) {
                    throw new SpecViolation("returns.kind", "a function with OUT or INOUT parameters returns their values, not void");
                }
            }
            default -> {
                // One output parameter fixes the result type too, but int4 and integer are the same type:
                // that comparison is left to the dry-run.
                if (outputs.size() > 1 && !unqualified(returns.type()).equals("record")) {
                    throw new SpecViolation("returns.type", "with more than one OUT or INOUT parameter the result type is record");
                }
            }
        }
    }

    private static void checkTable(List<FunctionColumn> columns, List<FunctionParameter> parameters) {
        if (columns.isEmpty()) {
            throw new SpecViolation("returns.columns", "RETURNS TABLE needs at least one column");
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).mode().output()) {
                throw new SpecViolation("parameters[" + i + "].mode",
                        "OUT and INOUT parameters are not allowed with RETURNS TABLE: its columns are the output");
            }
        }
        Map<Identifier, String> names = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name() != null) {
                names.putIfAbsent(parameters.get(i).name(), "parameters[" + i + "]");
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            String field = "returns.columns[" + i + "]";
            Identifier name = SpecViolation.required(field + ".name", columns.get(i).name());
            SpecViolation.required(field + ".type", columns.get(i).type());
            String earlier = names.putIfAbsent(name, field);
            if (earlier != null) {
                throw new SpecViolation(field + ".name", earlier + " is already called " + name);
            }
        }
    }

    /** text[], integer array, anyarray. A domain over an array, or _int4, is left to the dry-run. */
    private static boolean isArray(TypeName type) {
        String name = unqualified(type);
        return name.endsWith("[]") || name.endsWith(" array") || VARIADIC_PSEUDO_TYPES.contains(name);
    }

    private static String unqualified(TypeName type) {
        return type.name().startsWith("pg_catalog.") ? type.name().substring("pg_catalog.".length()) : type.name();
    }
}
