package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.DollarQuote;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.kernel.sql.TypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code CREATE [OR REPLACE] FUNCTION f(parameters) RETURNS type LANGUAGE lang [volatility] [STRICT]
 * [SECURITY DEFINER] [PARALLEL SAFE] [SET search_path = ...] AS $tag$body$tag$}. The body goes into a
 * dollar quote it cannot close ({@link DollarQuote}), tagged {@code tag} ({@code DollarQuote.FUNCTION}
 * for a requester's code, {@code PLATFORM} for generated code). Parameter names and types, the result
 * type and the search path are written as the caller rendered them: a requester's names through
 * {@code Identifier.quoted()}, the platform's fixed lower-case words ({@code new_row}, {@code pg_catalog})
 * bare, as its generated functions always were. {@link Layout} keeps the two shapes the plans show.
 */
public record CreateFunction(boolean orReplace, QualifiedName name, List<Parameter> parameters, String returns,
                             String language, Volatility volatility, boolean strict, boolean securityDefiner,
                             boolean parallelSafe, List<String> searchPath, String body, String tag, Layout layout) {

    /** The schemas generated functions pin their search_path to, so a caller's objects cannot stand in for the system's. */
    public static final List<String> SYSTEM_SEARCH_PATH = List.of("pg_catalog", "pg_temp");

    private static final Pattern LANGUAGE = Pattern.compile("[a-z][a-z0-9_]*");

    /** IN, OUT, INOUT, VARIADIC; {@code null} on a {@link Parameter} writes no mode (IN). */
    public enum Mode { IN, OUT, INOUT, VARIADIC }

    /** Left out ({@code null}), PostgreSQL takes VOLATILE. */
    public enum Volatility { VOLATILE, STABLE, IMMUTABLE }

    /** One line (generated functions), or each clause on a line of its own (a requester's function, read in review). */
    public enum Layout { ONE_LINE, CLAUSE_PER_LINE }

    /** {@code [mode] [name] type [DEFAULT (expression)]}, name and type as the caller rendered them. */
    public record Parameter(Mode mode, String name, String type, SqlFragment defaultValue) {

        public Parameter {
            Objects.requireNonNull(type, "type");
        }

        /** A named input parameter without mode or default: {@code new_row "app"."v"}. */
        public static Parameter named(String name, String type) {
            return new Parameter(null, name, type, null);
        }

        String sql() {
            // The default is parenthesised: a fragment such as "1, OUT x int" stays one (invalid) expression.
            return (mode == null ? "" : mode + " ") + (name == null ? "" : name + " ") + type
                    + (defaultValue == null ? "" : " DEFAULT " + defaultValue.parenthesized());
        }
    }

    /** One column of {@code RETURNS TABLE (...)}. */
    public record Column(Identifier name, TypeName type) {
    }

    public CreateFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(layout, "layout");
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("not a language name: " + language);
        }
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        searchPath = searchPath == null ? List.of() : List.copyOf(searchPath);
    }

    /** A function on one line with none of the optional clauses; add them with the methods below. */
    public static CreateFunction of(QualifiedName name, List<Parameter> parameters, String returns, String language,
                                    String body, String tag) {
        return new CreateFunction(false, name, parameters, returns, language, null, false, false, false, List.of(), body, tag,
                Layout.ONE_LINE);
    }

    public CreateFunction replacing() {
        return new CreateFunction(true, name, parameters, returns, language, volatility, strict, securityDefiner, parallelSafe,
                searchPath, body, tag, layout);
    }

    /** IMMUTABLE, STRICT and PARALLEL SAFE: a pure function of its one non-NULL argument. */
    public CreateFunction immutableStrictParallelSafe() {
        return new CreateFunction(orReplace, name, parameters, returns, language, Volatility.IMMUTABLE, true, securityDefiner,
                true, searchPath, body, tag, layout);
    }

    /** Runs with its owner's rights: pin its search path too ({@link #SYSTEM_SEARCH_PATH}). */
    public CreateFunction asSecurityDefiner() {
        return new CreateFunction(orReplace, name, parameters, returns, language, volatility, strict, true, parallelSafe,
                searchPath, body, tag, layout);
    }

    public CreateFunction withSearchPath(List<String> schemas) {
        return new CreateFunction(orReplace, name, parameters, returns, language, volatility, strict, securityDefiner,
                parallelSafe, schemas, body, tag, layout);
    }

    /** {@code SETOF type}. */
    public static String setOf(TypeName type) {
        return "SETOF " + type;
    }

    /** {@code TABLE("a" integer, "b" text)}. */
    public static String table(List<Column> columns) {
        return "TABLE(" + columns.stream().map(c -> c.name().quoted() + " " + c.type()).collect(Collectors.joining(", ")) + ")";
    }

    public String sql() {
        String head = (orReplace ? "CREATE OR REPLACE FUNCTION " : "CREATE FUNCTION ") + name.quoted() + "("
                + parameters.stream().map(Parameter::sql).collect(Collectors.joining(", ")) + ")";
        List<String> clauses = new ArrayList<>();
        clauses.add("RETURNS " + returns);
        StringBuilder attributes = new StringBuilder("LANGUAGE ").append(language);
        if (volatility != null) {
            attributes.append(' ').append(volatility);
        }
        if (strict) {
            attributes.append(" STRICT");
        }
        if (securityDefiner) {
            attributes.append(" SECURITY DEFINER");
        }
        if (parallelSafe) {
            attributes.append(" PARALLEL SAFE");
        }
        clauses.add(attributes.toString());
        if (!searchPath.isEmpty()) {
            clauses.add("SET search_path = " + String.join(", ", searchPath));
        }
        String as = "AS " + DollarQuote.around(body, tag);
        return layout == Layout.ONE_LINE
                ? head + " " + String.join(" ", clauses) + " " + as
                : head + clauses.stream().map(c -> "\n " + c).collect(Collectors.joining()) + "\n" + as;
    }
}
