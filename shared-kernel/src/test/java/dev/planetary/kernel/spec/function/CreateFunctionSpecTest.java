package dev.planetary.kernel.spec.function;



import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.ObjectRef.ObjectKind;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.DollarQuote;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.kernel.sql.TypeName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.planetary.kernel.spec.function.FunctionLanguage.PLPGSQL;
import static dev.planetary.kernel.spec.function.FunctionLanguage.PLPYTHON3U;
import static dev.planetary.kernel.spec.function.FunctionLanguage.SQL;
import static dev.planetary.kernel.spec.function.FunctionSecurity.DEFINER;
import static dev.planetary.kernel.spec.Hostile.ROLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.finding;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.sql;
import static dev.planetary.kernel.spec.Hostile.statements;
import static dev.planetary.kernel.spec.function.ParameterMode.IN;
import static dev.planetary.kernel.spec.function.ParameterMode.INOUT;
import static dev.planetary.kernel.spec.function.ParameterMode.OUT;
import static dev.planetary.kernel.spec.function.ParameterMode.VARIADIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class CreateFunctionSpecTest {

    /** A function in the hostile schema whose own name needs quoting too. */
    private static final QualifiedName NAME = QualifiedName.of("Mixed Case", "tot\"al");
    private static final ObjectRef FUNCTION_REF = new ObjectRef(ObjectKind.FUNCTION, "Mixed Case.tot\"al");
    private static final String BODY = "\nBEGIN\n  RETURN 1;\nEND\n";

    private static TypeName type(String name) {
        return TypeName.of(name);
    }

    private static Identifier id(String name) {
        return Identifier.of(name);
    }

    private static FunctionParameter in(String name, String type) {
        return new FunctionParameter(name == null ? null : id(name), IN, type(type), null);
    }

    private static FunctionParameter param(ParameterMode mode, String name, String type, SqlFragment defaultValue) {
        return new FunctionParameter(name == null ? null : id(name), mode, type(type), defaultValue);
    }

    private static List<Identifier> path(String... schemas) {
        return Arrays.stream(schemas).map(Identifier::of).toList();
    }

    /** A valid plpgsql function returning integer; each test changes what it is about. */
    private static Definition function() {
        return new Definition();
    }

    private static final class Definition {
        private QualifiedName name = NAME;
        private List<FunctionParameter> parameters = List.of();
        private FunctionReturn returns = FunctionReturn.scalar(TypeName.of("integer"));
        private FunctionLanguage language = PLPGSQL;
        private FunctionVolatility volatility;
        private boolean strict;
        private FunctionSecurity security;
        private List<Identifier> searchPath;
        private boolean replace;
        private String body = BODY;
        private String comment;

        Definition name(QualifiedName value) { name = value; return this; }
        Definition parameters(FunctionParameter... values) { parameters = Arrays.asList(values); return this; }
        Definition parameters(List<FunctionParameter> values) { parameters = values; return this; }
        Definition returns(FunctionReturn value) { returns = value; return this; }
        Definition language(FunctionLanguage value) { language = value; return this; }
        Definition volatility(FunctionVolatility value) { volatility = value; return this; }
        Definition strict() { strict = true; return this; }
        Definition security(FunctionSecurity value) { security = value; return this; }
        Definition searchPath(List<Identifier> value) { searchPath = value; return this; }
        Definition replace() { replace = true; return this; }
        Definition body(String value) { body = value; return this; }
        Definition comment(String value) { comment = value; return this; }

        CreateFunctionSpec build() {
            return new CreateFunctionSpec(name, parameters, returns, language, volatility, strict, security, searchPath,
                    replace, body, comment);
        }

        Plan plan() {
            return build().plan();
        }
    }

    @Nested
    class Rendering {

        @Test
        void definerWithSearchPathDefaultsAndVariadic() {
            Plan plan = function()
                    .parameters(in("Mixed Case", "integer"),
                            param(IN, ROLE.name(), "text", sql("'it''s'")),
                            param(VARIADIC, "rest", "numeric[]", sql("'{}'")))
                    .returns(FunctionReturn.scalar(type("numeric")))
                    .volatility(FunctionVolatility.STABLE).strict().security(DEFINER)
                    .searchPath(path("pg_catalog", "pg_temp"))
                    .plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE FUNCTION "Mixed Case"."tot""al"(IN "Mixed Case" integer, \
                    IN "x""; DROP TABLE t; --" text DEFAULT ('it''s'), VARIADIC "rest" numeric[] DEFAULT ('{}'))
                     RETURNS numeric
                     LANGUAGE plpgsql STABLE STRICT SECURITY DEFINER
                     SET search_path = "pg_catalog", "pg_temp"
                    AS $function$
                    BEGIN
                      RETURN 1;
                    END
                    $function$""");
            assertThat(inverse(plan)).containsExactly("""
                    DROP FUNCTION "Mixed Case"."tot""al"(integer, text, numeric[])""");
            assertThat(plan.summary()).isEqualTo("Create function Mixed Case.tot\"al(integer, text, numeric[]) "
                    + "returning numeric in plpgsql, running with its owner's rights");
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
            assertThat(plan.riskReasons()).isEmpty();
            assertThat(plan.findings()).isEmpty();
            assertThat(plan.touches()).containsExactly(FUNCTION_REF);
        }

        @Test
        void defaultsAreVolatileInvokerAndIn() {
            CreateFunctionSpec spec = function()
                    .parameters(new FunctionParameter(null, null, type("integer"), null))
                    .comment("")
                    .build();
            Plan plan = spec.plan();

            assertThat(spec.volatility()).isEqualTo(FunctionVolatility.VOLATILE);
            assertThat(spec.security()).isEqualTo(FunctionSecurity.INVOKER);
            assertThat(spec.parameters().get(0).mode()).isEqualTo(IN);
            assertThat(spec.searchPath()).isEmpty();
            assertThat(spec.comment()).isNull();
            assertThat(statements(plan)).containsExactly("""
                    CREATE FUNCTION "Mixed Case"."tot""al"(IN integer)
                     RETURNS integer
                     LANGUAGE plpgsql VOLATILE
                    AS $function$
                    BEGIN
                      RETURN 1;
                    END
                    $function$""");
            assertThat(plan.summary()).isEqualTo("Create function Mixed Case.tot\"al(integer) returning integer in plpgsql");
            assertThat(plan.findings()).isEmpty();
        }

        @Test
        void outParametersAreNotPartOfTheSignature() {
            Plan plan = function()
                    .parameters(in(null, "integer"), param(OUT, "b", "integer", null), param(INOUT, "c", "text", null))
                    .returns(FunctionReturn.scalar(type("record")))
                    .language(SQL).volatility(FunctionVolatility.IMMUTABLE)
                    .body("SELECT $1, $2 || 'x$'")
                    .plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE FUNCTION "Mixed Case"."tot""al"(IN integer, OUT "b" integer, INOUT "c" text)
                     RETURNS record
                     LANGUAGE sql IMMUTABLE
                    AS $function$SELECT $1, $2 || 'x$'$function$""");
            assertThat(inverse(plan)).containsExactly("""
                    DROP FUNCTION "Mixed Case"."tot""al"(integer, text)""");
            assertThat(plan.summary()).isEqualTo("Create function Mixed Case.tot\"al(integer, text) returning record in sql");
        }

        @Test
        void returnsTableWithHostileColumnNames() {
            Plan plan = function()
                    .parameters(in("since", "date"))
                    .returns(FunctionReturn.table(List.of(new FunctionColumn(id("Mixed Case"), type("bigint")),
                            new FunctionColumn(ROLE, type("character varying(20)")))))
                    .language(SQL).volatility(FunctionVolatility.STABLE)
                    .body("SELECT id, note FROM app.invoice WHERE created >= since")
                    .plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE FUNCTION "Mixed Case"."tot""al"(IN "since" date)
                     RETURNS TABLE("Mixed Case" bigint, "x""; DROP TABLE t; --" character varying(20))
                     LANGUAGE sql STABLE
                    AS $function$SELECT id, note FROM app.invoice WHERE created >= since$function$""");
            assertThat(plan.summary()).isEqualTo("Create function Mixed Case.tot\"al(date) returning rows of "
                    + "Mixed Case bigint, x\"; DROP TABLE t; -- character varying(20) in sql");
        }

        @Test
        void returnsSetOf() {
            Plan plan = function().returns(FunctionReturn.setOf(type("app.money"))).plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE FUNCTION "Mixed Case"."tot""al"()
                     RETURNS SETOF app.money
                     LANGUAGE plpgsql VOLATILE
                    AS $function$
                    BEGIN
                      RETURN 1;
                    END
                    $function$""");
            assertThat(inverse(plan)).containsExactly("""
                    DROP FUNCTION "Mixed Case"."tot""al"()""");
            assertThat(plan.summary()).isEqualTo("Create function Mixed Case.tot\"al() returning a set of app.money in plpgsql");
        }

        @Test
        void triggerFunction() {
            Plan plan = function().returns(FunctionReturn.trigger())
                    .body("BEGIN NEW.updated := now(); RETURN NEW; END").plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE FUNCTION "Mixed Case"."tot""al"()
                     RETURNS trigger
                     LANGUAGE plpgsql VOLATILE
                    AS $function$BEGIN NEW.updated := now(); RETURN NEW; END$function$""");
            assertThat(plan.summary()).isEqualTo("Create function Mixed Case.tot\"al() for triggers in plpgsql");
        }

        @Test
        void returnsVoid() {
            Plan plan = function().returns(FunctionReturn.nothing()).language(SQL).body("DELETE FROM app.session").plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE FUNCTION "Mixed Case"."tot""al"()
                     RETURNS void
                     LANGUAGE sql VOLATILE
                    AS $function$DELETE FROM app.session$function$""");
            assertThat(plan.summary()).isEqualTo("Create function Mixed Case.tot\"al() returning nothing in sql");
        }

        @Test
        void defaultEndingInALineCommentClosesOnTheNextLine() {
            Plan plan = function().parameters(param(IN, "n", "integer", sql("1 -- one"))).plan();

            assertThat(statements(plan).get(0)).startsWith("""
                    CREATE FUNCTION "Mixed Case"."tot""al"(IN "n" integer DEFAULT (1 -- one
                    ))
                     RETURNS integer
                    """);
        }

        @Test
        void aDefaultWithACommaCannotAddAParameter() {
            Plan plan = function().parameters(param(IN, "n", "integer", sql("1, OUT x integer"))).plan();

            assertThat(statements(plan).get(0)).startsWith("""
                    CREATE FUNCTION "Mixed Case"."tot""al"(IN "n" integer DEFAULT (1, OUT x integer))
                    """);
        }

        @Test
        void commentIsASecondStatementOnTheSameSignature() {
            Plan plan = function().parameters(in("n", "integer"), param(OUT, "m", "integer", null))
                    .comment("it's the \\ total").plan();

            // In the text block \\ is one backslash: the SQL reads E'it''s the \\ total'.
            assertThat(statements(plan)).containsExactly("""
                    CREATE FUNCTION "Mixed Case"."tot""al"(IN "n" integer, OUT "m" integer)
                     RETURNS integer
                     LANGUAGE plpgsql VOLATILE
                    AS $function$
                    BEGIN
                      RETURN 1;
                    END
                    $function$""", """
                    COMMENT ON FUNCTION "Mixed Case"."tot""al"(integer) IS E'it''s the \\\\ total'""");
            assertThat(inverse(plan)).containsExactly("""
                    DROP FUNCTION "Mixed Case"."tot""al"(integer)""");
        }

        @Test
        void searchPathWithHostileSchema() {
            Plan plan = function().security(DEFINER).searchPath(path("Mixed Case", ROLE.name(), "pg_temp")).plan();

            assertThat(statements(plan).get(0)).contains("""
                     LANGUAGE plpgsql VOLATILE SECURITY DEFINER
                     SET search_path = "Mixed Case", "x""; DROP TABLE t; --", "pg_temp"
                    AS $function$""");
            assertThat(plan.findings()).isEmpty();
        }

        @Test
        void replaceHasNoInverseAndIsHighRisk() {
            Plan plan = function().replace().plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE OR REPLACE FUNCTION "Mixed Case"."tot""al"()
                     RETURNS integer
                     LANGUAGE plpgsql VOLATILE
                    AS $function$
                    BEGIN
                      RETURN 1;
                    END
                    $function$""");
            assertThat(plan.inverse()).isEmpty();
            assertThat(plan.hasInverse()).isFalse();
            assertThat(plan.inverseNote()).isEqualTo("the previous definition of the function is not part of this change");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(plan.riskReasons()).containsExactly(
                    "replaces the code of an existing function: every caller gets the new behaviour");
            assertThat(plan.summary()).isEqualTo("Create or replace function Mixed Case.tot\"al() returning integer in plpgsql");
        }

        @Test
        void kind() {
            assertThat(function().build().kind()).isEqualTo("create-function");
        }
    }

    @Nested
    class DollarQuoting {

        @Test
        void bodyContainingTheTagGetsANumberedTag() {
            Plan plan = function().body("BEGIN RETURN '$function$'; END").plan();

            assertThat(statements(plan).get(0)).endsWith("""
                    AS $function_1$BEGIN RETURN '$function$'; END$function_1$""");
        }

        @Test
        void numberedTagsTheBodyContainsAreSkipped() {
            assertThat(DollarQuote.around("$function$ $function_1$ $function_3$", "function"))
                    .isEqualTo("$function_2$$function$ $function_1$ $function_3$$function_2$");
        }

        @Test
        void bodyEndingInAPrefixOfTheTagCannotCloseItEarly() {
            // "...$function" + "$function$" would read as the tag followed by "function$".
            assertThat(DollarQuote.around("SELECT 1 AS $function", "function"))
                    .isEqualTo("$function_1$SELECT 1 AS $function$function_1$");
        }

        @Test
        void aDollarSignAloneDoesNotChangeTheTag() {
            assertThat(DollarQuote.around("SELECT 'x$'", "function")).isEqualTo("$function$SELECT 'x$'$function$");
            assertThat(DollarQuote.around("$", "function")).isEqualTo("$function$$$function$");
        }

        @Test
        void bodyIsKeptVerbatim() {
            String body = "  -- leading spaces kept\n\tRETURN 1; $$ $x$ '\\' \"; DROP TABLE t; --  \n";

            assertThat(DollarQuote.around(body, "function")).isEqualTo("$function$" + body + "$function$");
        }
    }

    @Nested
    class Lint {

        @Test
        void definerWithoutSearchPathIsAWarningAndHighRisk() {
            Plan plan = function().security(DEFINER).plan();

            assertThat(rules(plan)).containsExactly("definer-without-search-path");
            LintFinding finding = finding(plan, "definer-without-search-path");
            assertThat(finding.severity()).isEqualTo(LintFinding.Severity.WARNING);
            assertThat(finding.message()).isEqualTo(
                    "SECURITY DEFINER without a fixed search_path lets a caller's objects shadow the ones the function means");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(plan.riskReasons()).containsExactly("runs with its owner's rights without a fixed search_path");
        }

        @Test
        void replacingADefinerWithoutSearchPathGivesBothReasons() {
            Plan plan = function().security(DEFINER).replace().plan();

            assertThat(plan.riskReasons()).containsExactly(
                    "replaces the code of an existing function: every caller gets the new behaviour",
                    "runs with its owner's rights without a fixed search_path");
        }

        @Test
        void definerSearchPathWithPublic() {
            Plan plan = function().security(DEFINER).searchPath(path("app", "public", "pg_temp")).plan();

            assertThat(rules(plan)).containsExactly("definer-search-path-public");
            assertThat(finding(plan, "definer-search-path-public").severity()).isEqualTo(LintFinding.Severity.WARNING);
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
        }

        @Test
        void aSchemaNamedUpperCasePublicIsNotPublic() {
            Plan plan = function().security(DEFINER).searchPath(path("PUBLIC", "pg_temp")).plan();

            assertThat(plan.findings()).isEmpty();
        }

        @Test
        void pgTempNotLast() {
            Plan first = function().security(DEFINER).searchPath(path("pg_temp", "app")).plan();
            Plan missing = function().security(DEFINER).searchPath(path("pg_catalog", "app")).plan();

            assertThat(rules(first)).containsExactly("search-path-without-pg-temp-last");
            assertThat(finding(first, "search-path-without-pg-temp-last").severity()).isEqualTo(LintFinding.Severity.INFO);
            assertThat(rules(missing)).containsExactly("search-path-without-pg-temp-last");
            assertThat(first.risk()).isEqualTo(RiskLevel.LOW);
        }

        @Test
        void publicAndPgTempFindingsTogether() {
            Plan plan = function().security(DEFINER).searchPath(path("public")).plan();

            assertThat(rules(plan)).containsExactly("definer-search-path-public", "search-path-without-pg-temp-last");
        }

        @Test
        void invokerFunctionsHaveNoSearchPathFindings() {
            assertThat(function().plan().findings()).isEmpty();
            assertThat(function().searchPath(path("public")).plan().findings()).isEmpty();
        }

        @Test
        void untrustedLanguage() {
            Plan plan = function().language(PLPYTHON3U).body("return 1").plan();

            assertThat(statements(plan).get(0)).contains(" LANGUAGE plpython3u VOLATILE\n");
            assertThat(rules(plan)).containsExactly("untrusted-language");
            assertThat(finding(plan, "untrusted-language").severity()).isEqualTo(LintFinding.Severity.WARNING);
        }
    }

    @Nested
    class Validation {

        @Test
        void nameIsRequired() {
            assertViolation("name", () -> function().name(null).build());
        }

        @Test
        void returnsIsRequired() {
            assertViolation("returns", () -> function().returns(null).build());
        }

        @Test
        void languageIsRequired() {
            assertViolation("language", () -> function().language(null).build());
        }

        @Test
        void bodyIsRequiredAndNotBlank() {
            assertViolation("body", () -> function().body(null).build());
            assertViolation("body", () -> function().body("").build());
            assertViolation("body", () -> function().body(" \n\t").build());
        }

        @Test
        void bodyCannotContainNul() {
            assertViolation("body", () -> function().body("BEGIN\0END").build());
        }

        @Test
        void commentCannotContainNul() {
            assertViolation("comment", () -> function().comment("a\0b").build());
        }

        @Test
        void parametersCannotContainAnEmptyEntry() {
            assertViolation("parameters", () -> function().parameters(in("a", "integer"), null).build());
        }

        @Test
        void searchPathCannotContainAnEmptyEntry() {
            assertViolation("searchPath", () -> function().searchPath(Arrays.asList(id("app"), null)).build());
        }

        @Test
        void parameterTypeIsRequired() {
            assertViolation("parameters[1].type",
                    () -> function().parameters(in("a", "integer"), new FunctionParameter(id("b"), IN, null, null)).build());
        }

        @Test
        void variadicOnlyOnce() {
            assertViolation("parameters[1].mode", () -> function()
                    .parameters(param(VARIADIC, "a", "text[]", null), param(VARIADIC, "b", "text[]", null)).build());
        }

        @Test
        void variadicIsTheLastInputParameter() {
            assertViolation("parameters[0].mode", () -> function()
                    .parameters(param(VARIADIC, "a", "text[]", null), in("b", "integer")).build());
            assertViolation("parameters[0].mode", () -> function()
                    .parameters(param(VARIADIC, "a", "text[]", null), param(INOUT, "b", "integer", null)).build());
        }

        @Test
        void outParametersMayFollowVariadic() {
            assertThatCode(() -> function()
                    .parameters(param(VARIADIC, "a", "text[]", null), param(OUT, "b", "integer", null)).build())
                    .doesNotThrowAnyException();
        }

        @Test
        void variadicIsAnArray() {
            assertViolation("parameters[0].type", () -> function().parameters(param(VARIADIC, "a", "text", null)).build());
            for (String array : List.of("text[]", "integer[][]", "integer array", "anyarray", "pg_catalog.anycompatiblearray")) {
                assertThatCode(() -> function().parameters(param(VARIADIC, "a", array, null)).build())
                        .as(array).doesNotThrowAnyException();
            }
        }

        @Test
        void inputParametersAfterADefaultNeedOne() {
            assertViolation("parameters[2].defaultValue", () -> function()
                    .parameters(in("a", "integer"), param(IN, "b", "integer", sql("1")), in("c", "integer")).build());
            assertViolation("parameters[1].defaultValue", () -> function()
                    .parameters(param(INOUT, "a", "integer", sql("1")), param(VARIADIC, "b", "text[]", null)).build());
        }

        @Test
        void outParametersAfterADefaultNeedNone() {
            assertThatCode(() -> function()
                    .parameters(param(IN, "a", "integer", sql("1")), param(OUT, "b", "integer", null)).build())
                    .doesNotThrowAnyException();
        }

        @Test
        void outParametersCannotHaveADefault() {
            assertViolation("parameters[1].defaultValue", () -> function()
                    .parameters(in("a", "integer"), param(OUT, "b", "integer", sql("1"))).build());
        }

        @Test
        void outAndInoutAreNotAllowedWithReturnsTable() {
            FunctionReturn table = FunctionReturn.table(List.of(new FunctionColumn(id("c"), type("integer"))));

            assertViolation("parameters[1].mode", () -> function().returns(table)
                    .parameters(in("a", "integer"), param(OUT, "b", "integer", null)).build());
            assertViolation("parameters[0].mode", () -> function().returns(table)
                    .parameters(param(INOUT, "a", "integer", null)).build());
        }

        @Test
        void triggerFunctionsTakeNoParameters() {
            assertViolation("parameters", () -> function().returns(FunctionReturn.trigger())
                    .parameters(in("a", "integer")).build());
        }

        @Test
        void triggerFunctionsCannotBeWrittenInSql() {
            assertViolation("language", () -> function().returns(FunctionReturn.trigger()).language(SQL).build());
        }

        @Test
        void returnKindIsRequired() {
            assertViolation("returns.kind", () -> function().returns(new FunctionReturn(null, type("integer"), null)).build());
        }

        @Test
        void scalarAndSetofNeedAType() {
            assertViolation("returns.type", () -> function().returns(FunctionReturn.scalar(null)).build());
            assertViolation("returns.type", () -> function().returns(FunctionReturn.setOf(null)).build());
        }

        @Test
        void onlyScalarAndSetofNameAType() {
            assertViolation("returns.type", () -> function()
                    .returns(new FunctionReturn(ReturnKind.VOID, type("integer"), null)).build());
            assertViolation("returns.type", () -> function()
                    .returns(new FunctionReturn(ReturnKind.TABLE, type("integer"),
                            List.of(new FunctionColumn(id("c"), type("integer"))))).build());
        }

        @Test
        void triggerAndVoidAreKindsNotTypes() {
            assertViolation("returns.type", () -> function().returns(FunctionReturn.scalar(type("trigger"))).build());
            assertViolation("returns.type", () -> function().returns(FunctionReturn.setOf(type("pg_catalog.trigger"))).build());
            assertViolation("returns.type", () -> function().returns(FunctionReturn.scalar(type("void"))).build());
        }

        @Test
        void onlyTableHasColumns() {
            assertViolation("returns.columns", () -> function()
                    .returns(new FunctionReturn(ReturnKind.SCALAR, type("integer"),
                            List.of(new FunctionColumn(id("c"), type("integer"))))).build());
        }

        @Test
        void tableNeedsAColumn() {
            assertViolation("returns.columns", () -> function().returns(FunctionReturn.table(List.of())).build());
            assertViolation("returns.columns", () -> function().returns(FunctionReturn.table(null)).build());
        }

        @Test
        void tableColumnsCannotBeEmptyEntries() {
            List<FunctionColumn> columns = new ArrayList<>();
            columns.add(null);
            assertViolation("returns.columns", () -> function().returns(FunctionReturn.table(columns)).build());
        }

        @Test
        void tableColumnsNeedANameAndAType() {
            assertViolation("returns.columns[0].name", () -> function()
                    .returns(FunctionReturn.table(List.of(new FunctionColumn(null, type("integer"))))).build());
            assertViolation("returns.columns[1].type", () -> function()
                    .returns(FunctionReturn.table(List.of(new FunctionColumn(id("a"), type("integer")),
                            new FunctionColumn(id("b"), null)))).build());
        }

        @Test
        void tableColumnNamesAreUnique() {
            assertViolation("returns.columns[1].name", () -> function()
                    .returns(FunctionReturn.table(List.of(new FunctionColumn(id("a\"b"), type("integer")),
                            new FunctionColumn(id("a\"b"), type("text"))))).build());
        }

        @Test
        void tableColumnNamesDoNotClashWithParameterNames() {
            assertViolation("returns.columns[1].name", () -> function()
                    .parameters(in("Mixed Case", "integer"))
                    .returns(FunctionReturn.table(List.of(new FunctionColumn(id("a"), type("integer")),
                            new FunctionColumn(id("Mixed Case"), type("text"))))).build());
        }

        @Test
        void namesDifferingOnlyInCaseAreDifferentNames() {
            assertThatCode(() -> function()
                    .parameters(in("total", "integer"))
                    .returns(FunctionReturn.table(List.of(new FunctionColumn(id("Total"), type("integer"))))).build())
                    .doesNotThrowAnyException();
        }

        @Test
        void parameterNamesAreUnique() {
            assertViolation("parameters[2].name", () -> function()
                    .parameters(in("a", "integer"), in(null, "text"), in("a", "text")).build());
            // PostgreSQL would accept an IN and an OUT of the same name; in PL/pgSQL one hides the other.
            assertViolation("parameters[1].name", () -> function().returns(FunctionReturn.scalar(type("integer")))
                    .parameters(in("a", "integer"), param(OUT, "a", "integer", null)).build());
        }

        @Test
        void unnamedParametersDoNotClash() {
            assertThatCode(() -> function().parameters(in(null, "integer"), in(null, "integer")).build())
                    .doesNotThrowAnyException();
        }

        @Test
        void outputParametersMeanNoVoid() {
            assertViolation("returns.kind", () -> function().returns(FunctionReturn.nothing())
                    .parameters(param(OUT, "a", "integer", null)).build());
        }

        @Test
        void severalOutputParametersReturnRecord() {
            assertViolation("returns.type", () -> function().returns(FunctionReturn.scalar(type("integer")))
                    .parameters(param(OUT, "a", "integer", null), param(INOUT, "b", "integer", null)).build());
            assertThatCode(() -> function().returns(FunctionReturn.setOf(type("pg_catalog.record")))
                    .parameters(param(OUT, "a", "integer", null), param(OUT, "b", "integer", null)).build())
                    .doesNotThrowAnyException();
        }
    }
}
