package dev.planetary.query.compare;

import dev.planetary.kernel.catalog.Catalog;

import java.util.List;
import java.util.stream.Collectors;

import static dev.planetary.query.compare.Names.identifier;
import static dev.planetary.query.compare.Names.qualified;
import static dev.planetary.query.compare.RelationDefinitions.comment;
import static dev.planetary.query.compare.RelationDefinitions.line;

/** Canonical text and names of functions, row-level security policies and triggers. */
final class RoutineDefinitions {

    private RoutineDefinitions() {
    }

    /**
     * {@code "app"."total"(text)}: what tells overloads apart in PostgreSQL, the input argument
     * types (OUT arguments too for procedures, since PostgreSQL 14), not the argument names, which
     * belong to the definition.
     */
    static String functionName(Catalog.Function function) {
        return qualified(function.schema(), function.name()) + function.arguments().stream()
                .filter(a -> switch (a.mode()) {
                    case IN, INOUT, VARIADIC -> true;
                    case OUT -> function.kind() == Catalog.RoutineKind.PROCEDURE;
                    case TABLE -> false;
                })
                .map(a -> (a.mode() == Catalog.ArgumentMode.VARIADIC ? "VARIADIC " : "") + a.type())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    static String function(Catalog.Function function) {
        StringBuilder text = new StringBuilder();
        line(text, header(function.kind()) + " " + qualified(function.schema(), function.name()) + function.arguments().stream()
                .filter(a -> a.mode() != Catalog.ArgumentMode.TABLE)
                .map(RoutineDefinitions::argument)
                .collect(Collectors.joining(", ", "(", ")")));
        if (function.returns() != null && !function.returns().isEmpty()) {
            line(text, "RETURNS " + function.returns());
        }
        line(text, "LANGUAGE " + identifier(function.language()));
        line(text, function.volatility().name() + (function.strict() ? " STRICT" : "")
                + (function.securityDefiner() ? " SECURITY DEFINER" : ""));
        function.settings().stream().sorted().forEach(setting -> line(text, "SET " + setting));
        line(text, "OWNER " + identifier(function.owner()));
        comment(text, function.comment());
        line(text, "AS");
        line(text, function.body());
        return text.toString();
    }

    static String policyName(Catalog.Policy policy) {
        return identifier(policy.name()) + " ON " + qualified(policy.schema(), policy.table());
    }

    static String policy(Catalog.Policy policy) {
        StringBuilder text = new StringBuilder();
        line(text, "POLICY " + policyName(policy));
        line(text, "AS " + policy.mode().name());
        line(text, "FOR " + policy.command().name());
        line(text, "TO " + grantees(policy.roles()));
        if (policy.using() != null) {
            line(text, "USING (" + policy.using() + ")");
        }
        if (policy.withCheck() != null) {
            line(text, "WITH CHECK (" + policy.withCheck() + ")");
        }
        return text.toString();
    }

    static String triggerName(Catalog.Trigger trigger) {
        return identifier(trigger.name()) + " ON " + qualified(trigger.schema(), trigger.table());
    }

    /** PostgreSQL's own CREATE TRIGGER text, and whether it fires (ALTER TABLE ... ENABLE/DISABLE TRIGGER). */
    static String trigger(Catalog.Trigger trigger) {
        StringBuilder text = new StringBuilder();
        line(text, "TRIGGER " + triggerName(trigger));
        line(text, trigger.definition());
        switch (trigger.enabled()) {
            case ALWAYS -> line(text, "ENABLE ALWAYS");
            case REPLICA -> line(text, "ENABLE REPLICA");
            case DISABLED -> line(text, "DISABLED");
            case ORIGIN -> { }
        }
        return text.toString();
    }

    private static String argument(Catalog.Argument argument) {
        return (argument.mode() == Catalog.ArgumentMode.IN ? "" : argument.mode().name() + " ")
                + (argument.name() == null ? "" : identifier(argument.name()) + " ") + argument.type()
                + (argument.defaultExpression() == null ? "" : " DEFAULT " + argument.defaultExpression());
    }

    private static String grantees(List<String> roles) {
        return roles.stream().map(Names::grantee).sorted().collect(Collectors.joining(", "));
    }

    private static String header(Catalog.RoutineKind kind) {
        return switch (kind) {
            case PROCEDURE -> "PROCEDURE";
            case AGGREGATE -> "AGGREGATE";
            case WINDOW -> "WINDOW FUNCTION";
            case FUNCTION -> "FUNCTION";
        };
    }
}
