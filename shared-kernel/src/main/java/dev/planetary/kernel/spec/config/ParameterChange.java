package dev.planetary.kernel.spec.config;

import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.config.ParameterValue;
import dev.planetary.kernel.ddl.AlterSystem;
import dev.planetary.kernel.spec.SpecViolation;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the kinds that set or reset a parameter share: the name as PostgreSQL folds it, "a value or a reset",
 * and the value checked against the parameter's row of pg_settings, each refusal naming its field.
 */
final class ParameterChange {

    private ParameterChange() {
    }

    /** The name, lower case, as ALTER SYSTEM and ALTER ROLE ... SET read it. */
    static String name(String parameter) {
        SpecViolation.required("parameter", parameter);
        String name = parameter.strip().toLowerCase(Locale.ROOT);
        if (!AlterSystem.NAME.matcher(name).matches()) {
            throw new SpecViolation("parameter", "a parameter's name is a word of letters, digits and _ (or prefix.word)");
        }
        return name;
    }

    /** The value, or null for a reset; exactly one of them. */
    static String value(String value, boolean reset) {
        if (reset && value != null) {
            throw new SpecViolation("value", "a reset takes no value");
        }
        if (!reset && value == null) {
            throw new SpecViolation("value", "give a value, or reset the parameter");
        }
        return value == null ? null : SpecViolation.sendable("value", value.strip(), "a value");
    }

    /**
     * Refuses a parameter whose context is not {@code contexts} (with {@code why}) and a value the
     * parameter does not take.
     */
    static void check(ConfigParameter known, String parameter, String value, Set<String> contexts, String why) {
        if (!known.name().equals(parameter)) {
            throw new SpecViolation("parameter", "the facts are about " + known.name() + ", not " + parameter);
        }
        if (!contexts.contains(known.context())) {
            throw new SpecViolation("parameter", parameter + " " + why.replace("{takes}", known.takes()));
        }
        if (value != null) {
            try {
                ParameterValue.of(known, value);
            } catch (IllegalArgumentException e) {
                throw new SpecViolation("value", e.getMessage());
            }
        }
    }

    /** What the SQL writes for a value: a quoted list's elements one by one, anything else as typed. */
    static List<String> elements(ConfigParameter known, String parameter, String value) {
        return known == null ? ParameterValue.elementsOf(parameter, value) : ParameterValue.of(known, value).elements();
    }
}
