package dev.planetary.ui.catalog;

import dev.planetary.kernel.catalog.Catalog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A function's definition for reading, laid out as pg_get_functiondef prints it, from what the
 * catalog returns (arguments, result, language, settings, prosrc). Shown to people only; nothing
 * builds SQL from it (a replacement goes through the create-function spec).
 */
final class FunctionDefinition {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private FunctionDefinition() {
    }

    static String text(Catalog.Function f) {
        if (f.kind() == Catalog.RoutineKind.AGGREGATE) {
            return "-- " + f.signature() + " is an aggregate: CREATE AGGREGATE, not shown here";
        }
        boolean procedure = f.kind() == Catalog.RoutineKind.PROCEDURE;
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE ").append(procedure ? "PROCEDURE " : "FUNCTION ")
                .append(name(f.schema())).append('.').append(name(f.name())).append('(').append(arguments(f.arguments()))
                .append(")\n");
        if (!procedure) {
            sql.append(" RETURNS ").append(f.returns()).append('\n');
        }
        sql.append(" LANGUAGE ").append(f.language()).append('\n');
        if (f.volatility() != Catalog.Volatility.VOLATILE && !procedure) {
            sql.append(' ').append(f.volatility().name()).append('\n');
        }
        if (f.strict()) {
            sql.append(" STRICT\n");
        }
        if (f.securityDefiner()) {
            sql.append(" SECURITY DEFINER\n");
        }
        for (String setting : f.settings()) {
            int equals = setting.indexOf('=');
            sql.append(" SET ").append(setting, 0, Math.max(equals, 0)).append(" TO ").append(setting.substring(equals + 1)).append('\n');
        }
        String body = f.body() == null ? "" : f.body();
        return sql.append("AS $function$").append(body).append("$function$").toString();
    }

    private static String arguments(List<Catalog.Argument> arguments) {
        return arguments.stream().filter(a -> a.mode() != Catalog.ArgumentMode.TABLE).map(a ->
                (a.mode() == Catalog.ArgumentMode.IN ? "" : a.mode().name() + " ")
                        + (a.name() == null ? "" : name(a.name()) + " ") + a.type()
                        + (a.defaultExpression() == null ? "" : " DEFAULT " + a.defaultExpression()))
                .collect(Collectors.joining(", "));
    }

    private static String name(String name) {
        return PLAIN.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    /** SECURITY DEFINER without a search_path of its own: a caller's objects can shadow the ones it means. */
    static boolean definerWithoutSearchPath(Catalog.Function f) {
        return f.securityDefiner() && f.settings().stream().noneMatch(s -> s.toLowerCase(Locale.ROOT).startsWith("search_path="));
    }
}
