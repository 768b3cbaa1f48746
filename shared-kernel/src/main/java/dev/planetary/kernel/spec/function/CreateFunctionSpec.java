package dev.planetary.kernel.spec.function;

import dev.planetary.kernel.ddl.CommentOn;
import dev.planetary.kernel.ddl.CreateFunction;
import dev.planetary.kernel.ddl.DropFunction;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.DollarQuote;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CREATE FUNCTION, or CREATE OR REPLACE FUNCTION with {@code replace}. The body is the user's code,
 * rendered verbatim inside a dollar quote whose tag it does not contain; everything else is built
 * from typed parts. PostgreSQL's rules on parameters and results are checked by {@link FunctionRules}.
 */
public record CreateFunctionSpec(
        QualifiedName name,
        List<FunctionParameter> parameters,
        FunctionReturn returns,
        FunctionLanguage language,
        FunctionVolatility volatility,
        boolean strict,
        FunctionSecurity security,
        List<Identifier> searchPath,
        boolean replace,
        String body,
        String comment) implements ChangeSpec {

    public static final String KIND = "create-function";

    private static final Identifier PUBLIC_SCHEMA = Identifier.of("public");
    private static final Identifier PG_TEMP = Identifier.of("pg_temp");

    public CreateFunctionSpec {
        SpecViolation.required("name", name);
        SpecViolation.required("returns", returns);
        SpecViolation.required("language", language);
        parameters = parameters == null ? List.of() : SpecViolation.noNulls("parameters", parameters);
        volatility = volatility == null ? FunctionVolatility.VOLATILE : volatility;
        security = security == null ? FunctionSecurity.INVOKER : security;
        searchPath = searchPath == null ? List.of() : SpecViolation.noNulls("searchPath", searchPath);
        if (body == null || body.isBlank()) {
            throw new SpecViolation("body", "the function needs a body");
        }
        SpecViolation.readable("body", body, "a function body");
        comment = comment == null || comment.isEmpty() ? null : SpecViolation.sendable("comment", comment, "a comment");
        FunctionRules.checkParameters(parameters);
        FunctionRules.checkReturns(returns, parameters, language);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The identity of the function: its name and the types of its IN, INOUT and VARIADIC parameters. */
    FunctionSignature signature() {
        return new FunctionSignature(name, parameters.stream().filter(p -> p.mode().input()).map(FunctionParameter::type).toList());
    }

    @Override
    public Plan plan() {
        FunctionSignature signature = signature();
        PlanBuilder plan = PlanBuilder.summarised((replace ? "Create or replace function " : "Create function ")
                        + signature.display() + " " + returnsSummary() + " in " + language.sql()
                        + (security == FunctionSecurity.DEFINER ? ", running with its owner's rights" : ""))
                .touches(ObjectRef.function(name))
                .changes(CatalogEffect.function(name))
                .statement(createSql());
        if (comment != null) {
            plan.statement(new CommentOn(CommentOn.Target.FUNCTION, name, null, signature.argumentTypes(), comment).sql());
        }
        if (replace) {
            plan.noInverse("the previous definition of the function is not part of this change")
                    .highRisk("replaces the code of an existing function: every caller gets the new behaviour");
        } else {
            plan.inverse(new DropFunction(signature.sql(), false).sql());
        }
        lint(plan);
        return plan.build();
    }

    private String createSql() {
        return new CreateFunction(replace, name, parameters.stream().map(CreateFunctionSpec::parameter).toList(), returnsSql(),
                language.sql(), CreateFunction.Volatility.valueOf(volatility.name()), strict, security == FunctionSecurity.DEFINER,
                false, searchPath.stream().map(Identifier::quoted).toList(), body, DollarQuote.FUNCTION,
                CreateFunction.Layout.CLAUSE_PER_LINE).sql();
    }

    private static CreateFunction.Parameter parameter(FunctionParameter parameter) {
        return new CreateFunction.Parameter(CreateFunction.Mode.valueOf(parameter.mode().name()),
                parameter.name() == null ? null : parameter.name().quoted(), parameter.type().name(), parameter.defaultValue());
    }

    private String returnsSql() {
        return switch (returns.kind()) {
            case SCALAR -> returns.type().name();
            case SETOF -> CreateFunction.setOf(returns.type());
            case TABLE -> CreateFunction.table(returns.columns().stream()
                    .map(c -> new CreateFunction.Column(c.name(), c.type())).toList());
            case TRIGGER -> "trigger";
            case VOID -> "void";
        };
    }

    private String returnsSummary() {
        return switch (returns.kind()) {
            case SCALAR -> "returning " + returns.type();
            case SETOF -> "returning a set of " + returns.type();
            case TABLE -> "returning rows of " + returns.columns().stream().map(c -> c.name().name() + " " + c.type())
                    .collect(Collectors.joining(", "));
            case TRIGGER -> "for triggers";
            case VOID -> "returning nothing";
        };
    }

    private void lint(PlanBuilder plan) {
        if (security == FunctionSecurity.DEFINER) {
            if (searchPath.isEmpty()) {
                plan.finding(LintFinding.warning("definer-without-search-path",
                                "SECURITY DEFINER without a fixed search_path lets a caller's objects shadow the ones the function means"))
                        .highRisk("runs with its owner's rights without a fixed search_path");
            } else {
                if (searchPath.contains(PUBLIC_SCHEMA)) {
                    plan.finding(LintFinding.warning("definer-search-path-public",
                            "the search_path of a SECURITY DEFINER function includes public, where other roles may be able to create objects"));
                }
                if (!searchPath.get(searchPath.size() - 1).equals(PG_TEMP)) {
                    plan.finding(LintFinding.info("search-path-without-pg-temp-last",
                            "pg_temp is searched first unless listed; list it last so temporary objects cannot shadow the function's"));
                }
            }
        }
        if (!language.trusted()) {
            plan.finding(LintFinding.warning("untrusted-language",
                    language.sql() + " is untrusted: the function can read files and run programs as the database server's user"));
        }
    }
}
