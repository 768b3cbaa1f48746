package dev.planetary.kernel.ddl;

import dev.planetary.kernel.plan.Statement;
import dev.planetary.kernel.sql.DollarQuote;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.kernel.sql.SqlLiteral;
import dev.planetary.kernel.sql.TypeName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Golden strings for the statement records, each with names that break naive quoting: quotes,
 * spaces, upper case, non-ASCII letters and an injection attempt. Expected SQL is written out by hand.
 */
class DdlStatementsTest {

    /** {@code "Mixed Case"."a""b"} */
    static final QualifiedName TABLE = QualifiedName.of("Mixed Case", "a\"b");
    /** {@code "Mixed Case"."vüe ""x"""} */
    static final QualifiedName VIEW = QualifiedName.of("Mixed Case", "vüe \"x\"");
    /** {@code "Mixed Case"."fünc"""} */
    static final QualifiedName FUNCTION = QualifiedName.of("Mixed Case", "fünc\"");
    /** {@code "x""; DROP TABLE t; --"} */
    static final Identifier ROLE = Identifier.of("x\"; DROP TABLE t; --");
    /** {@code "trïgger ""1"""} */
    static final Identifier TRIGGER = Identifier.of("trïgger \"1\"");
    /** {@code "audit ""srv"" ✓"} */
    static final Identifier SERVER = Identifier.of("audit \"srv\" ✓");

    @Nested
    class RowSecurityStatement {

        @Test
        void eachActionAndItsInverse() {
            assertThat(new RowSecurity(TABLE, RowSecurity.Action.ENABLE).sql())
                    .isEqualTo("ALTER TABLE \"Mixed Case\".\"a\"\"b\" ENABLE ROW LEVEL SECURITY");
            assertThat(new RowSecurity(TABLE, RowSecurity.Action.ENABLE).inverse().sql())
                    .isEqualTo("ALTER TABLE \"Mixed Case\".\"a\"\"b\" DISABLE ROW LEVEL SECURITY");
            assertThat(new RowSecurity(TABLE, RowSecurity.Action.FORCE).sql())
                    .isEqualTo("ALTER TABLE \"Mixed Case\".\"a\"\"b\" FORCE ROW LEVEL SECURITY");
            assertThat(new RowSecurity(TABLE, RowSecurity.Action.FORCE).inverse().sql())
                    .isEqualTo("ALTER TABLE \"Mixed Case\".\"a\"\"b\" NO FORCE ROW LEVEL SECURITY");
        }
    }

    @Nested
    class Views {

        @Test
        void createOrReplaceWithOptions() {
            CreateView view = new CreateView(true, VIEW, List.of(CreateView.Option.SECURITY_BARRIER, CreateView.Option.SECURITY_INVOKER),
                    "\"tenant id\", \"e\"\"mail\"", TABLE);
            assertThat(view.sql()).isEqualTo("CREATE OR REPLACE VIEW \"Mixed Case\".\"vüe \"\"x\"\"\""
                    + " WITH (security_barrier, security_invoker) AS SELECT \"tenant id\", \"e\"\"mail\" FROM \"Mixed Case\".\"a\"\"b\"");
        }

        @Test
        void createWithoutOptions() {
            assertThat(new CreateView(false, VIEW, null, "\"id\"", TABLE).sql())
                    .isEqualTo("CREATE VIEW \"Mixed Case\".\"vüe \"\"x\"\"\" AS SELECT \"id\" FROM \"Mixed Case\".\"a\"\"b\"");
        }

        @Test
        void ownerOfAViewAndOfAFunction() {
            assertThat(new AlterOwner(AlterOwner.Kind.VIEW, VIEW.quoted(), ROLE).sql())
                    .isEqualTo("ALTER VIEW \"Mixed Case\".\"vüe \"\"x\"\"\" OWNER TO \"x\"\"; DROP TABLE t; --\"");
            assertThat(new AlterOwner(AlterOwner.Kind.FUNCTION, FUNCTION.quoted() + "(integer)", ROLE).sql())
                    .isEqualTo("ALTER FUNCTION \"Mixed Case\".\"fünc\"\"\"(integer) OWNER TO \"x\"\"; DROP TABLE t; --\"");
        }

        @Test
        void columnDefaultIsWrittenAsGiven() {
            assertThat(new AlterColumnDefault(VIEW, Identifier.of("e\"mail"), SqlFragment.of("'n/a'::text")).sql())
                    .isEqualTo("ALTER VIEW \"Mixed Case\".\"vüe \"\"x\"\"\" ALTER COLUMN \"e\"\"mail\" SET DEFAULT 'n/a'::text");
        }
    }

    @Nested
    class Schemas {

        @Test
        void createWithAndWithoutIfNotExists() {
            assertThat(new CreateSchema(Identifier.of("Mixed \"Case\" ü"), true).sql())
                    .isEqualTo("CREATE SCHEMA IF NOT EXISTS \"Mixed \"\"Case\"\" ü\"");
            assertThat(new CreateSchema(Identifier.of("Mixed \"Case\" ü"), false).sql())
                    .isEqualTo("CREATE SCHEMA \"Mixed \"\"Case\"\" ü\"");
        }
    }

    @Nested
    class Triggers {

        @Test
        void everyClause() {
            CreateTrigger trigger = new CreateTrigger(TRIGGER, CreateTrigger.Timing.BEFORE,
                    List.of(CreateTrigger.Event.INSERT, CreateTrigger.Event.UPDATE),
                    List.of(Identifier.of("tenant id"), Identifier.of("e\"mail")), TABLE, CreateTrigger.Level.ROW,
                    SqlFragment.of("NEW.\"tenant id\" IS NOT NULL"), FUNCTION, List.of(SqlLiteral.string("it's")));
            assertThat(trigger.sql()).isEqualTo("CREATE TRIGGER \"trïgger \"\"1\"\"\" BEFORE INSERT OR UPDATE OF \"tenant id\", \"e\"\"mail\""
                    + " ON \"Mixed Case\".\"a\"\"b\" FOR EACH ROW WHEN (NEW.\"tenant id\" IS NOT NULL)"
                    + " EXECUTE FUNCTION \"Mixed Case\".\"fünc\"\"\"(E'it''s')");
        }

        @Test
        void insteadOfRowTriggerAndItsInverse() {
            CreateTrigger trigger = CreateTrigger.forEachRow(TRIGGER, CreateTrigger.Timing.INSTEAD_OF,
                    List.of(CreateTrigger.Event.DELETE), VIEW, FUNCTION);
            assertThat(trigger.sql()).isEqualTo("CREATE TRIGGER \"trïgger \"\"1\"\"\" INSTEAD OF DELETE ON \"Mixed Case\".\"vüe \"\"x\"\"\""
                    + " FOR EACH ROW EXECUTE FUNCTION \"Mixed Case\".\"fünc\"\"\"()");
            assertThat(trigger.inverse().sql()).isEqualTo("DROP TRIGGER \"trïgger \"\"1\"\"\" ON \"Mixed Case\".\"vüe \"\"x\"\"\"");
        }

        @Test
        void statementTriggerWithAPlainArgument() {
            CreateTrigger trigger = new CreateTrigger(TRIGGER, CreateTrigger.Timing.AFTER, List.of(CreateTrigger.Event.TRUNCATE),
                    null, TABLE, CreateTrigger.Level.STATEMENT, null, FUNCTION, List.of(SqlLiteral.plain("fail-open")));
            assertThat(trigger.sql()).isEqualTo("CREATE TRIGGER \"trïgger \"\"1\"\"\" AFTER TRUNCATE ON \"Mixed Case\".\"a\"\"b\""
                    + " FOR EACH STATEMENT EXECUTE FUNCTION \"Mixed Case\".\"fünc\"\"\"('fail-open')");
        }

        @Test
        void aTriggerNamesAnEvent() {
            assertThatIllegalArgumentException().isThrownBy(() -> CreateTrigger.forEachRow(TRIGGER, CreateTrigger.Timing.AFTER,
                    List.of(), TABLE, FUNCTION));
        }

        @Test
        void dropNamesTheTable() {
            assertThat(new DropTrigger(TRIGGER, TABLE).sql()).isEqualTo("DROP TRIGGER \"trïgger \"\"1\"\"\" ON \"Mixed Case\".\"a\"\"b\"");
        }

        @Test
        void enablementAndItsInverse() {
            TriggerEnablement disable = new TriggerEnablement(TABLE, TRIGGER, false);
            assertThat(disable.sql()).isEqualTo("ALTER TABLE \"Mixed Case\".\"a\"\"b\" DISABLE TRIGGER \"trïgger \"\"1\"\"\"");
            assertThat(disable.inverse().sql()).isEqualTo("ALTER TABLE \"Mixed Case\".\"a\"\"b\" ENABLE TRIGGER \"trïgger \"\"1\"\"\"");
        }
    }

    @Nested
    class Functions {

        @Test
        void generatedDefinerFunctionOnOneLine() {
            CreateFunction function = CreateFunction.of(FUNCTION, List.of(CreateFunction.Parameter.named("new_row", VIEW.quoted())),
                            "boolean", "plpgsql", "\nBEGIN RETURN true; END\n", DollarQuote.PLATFORM)
                    .asSecurityDefiner().withSearchPath(CreateFunction.SYSTEM_SEARCH_PATH);
            assertThat(function.sql()).isEqualTo("CREATE FUNCTION \"Mixed Case\".\"fünc\"\"\"(new_row \"Mixed Case\".\"vüe \"\"x\"\"\")"
                    + " RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp"
                    + " AS $planetary$\nBEGIN RETURN true; END\n$planetary$");
        }

        @Test
        void replacedPureFunction() {
            CreateFunction function = CreateFunction.of(FUNCTION, List.of(CreateFunction.Parameter.named("value", "text")), "text", "sql",
                    "SELECT value", DollarQuote.PLATFORM).replacing().immutableStrictParallelSafe();
            assertThat(function.sql()).isEqualTo("CREATE OR REPLACE FUNCTION \"Mixed Case\".\"fünc\"\"\"(value text) RETURNS text"
                    + " LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $planetary$SELECT value$planetary$");
        }

        @Test
        void requesterFunctionOneClausePerLine() {
            CreateFunction function = new CreateFunction(true, FUNCTION,
                    List.of(new CreateFunction.Parameter(CreateFunction.Mode.IN, Identifier.of("a\"b").quoted(), "integer", SqlFragment.of("1")),
                            new CreateFunction.Parameter(CreateFunction.Mode.VARIADIC, Identifier.of("ünï").quoted(), "text[]", null)),
                    CreateFunction.setOf(TypeName.of("text")), "sql", CreateFunction.Volatility.STABLE, true, true, false,
                    List.of(Identifier.of("Mixed Case").quoted(), Identifier.of("pg_temp").quoted()),
                    "SELECT '$function$'", DollarQuote.FUNCTION, CreateFunction.Layout.CLAUSE_PER_LINE);
            assertThat(function.sql()).isEqualTo("""
                    CREATE OR REPLACE FUNCTION "Mixed Case"."fünc\"""(IN "a""b" integer DEFAULT (1), VARIADIC "ünï" text[])
                     RETURNS SETOF text
                     LANGUAGE sql STABLE STRICT SECURITY DEFINER
                     SET search_path = "Mixed Case", "pg_temp"
                    AS $function_1$SELECT '$function$'$function_1$""");
        }

        @Test
        void returnsTableQuotesItsColumns() {
            assertThat(CreateFunction.table(List.of(new CreateFunction.Column(Identifier.of("tenant id"), TypeName.of("integer")),
                    new CreateFunction.Column(Identifier.of("e\"mail"), TypeName.of("text")))))
                    .isEqualTo("TABLE(\"tenant id\" integer, \"e\"\"mail\" text)");
        }

        @Test
        void aLanguageIsOneLowerCaseWord() {
            assertThatIllegalArgumentException().isThrownBy(() -> CreateFunction.of(FUNCTION, List.of(), "void",
                    "plpgsql AS $$ $$; DROP TABLE t; --", "", DollarQuote.FUNCTION));
        }

        @Test
        void dropBySignatureWithAndWithoutCascade() {
            assertThat(new DropFunction(FUNCTION.quoted() + "(integer, text)", true).sql())
                    .isEqualTo("DROP FUNCTION \"Mixed Case\".\"fünc\"\"\"(integer, text) CASCADE");
            assertThat(new DropFunction(FUNCTION.quoted() + "()", false).sql())
                    .isEqualTo("DROP FUNCTION \"Mixed Case\".\"fünc\"\"\"()");
        }
    }

    @Nested
    class ForeignData {

        @Test
        void extensionNameIsABareLowerCaseWord() {
            assertThat(new CreateExtension("postgres_fdw", true).sql()).isEqualTo("CREATE EXTENSION IF NOT EXISTS postgres_fdw");
            assertThat(new CreateExtension("postgres_fdw", false).sql()).isEqualTo("CREATE EXTENSION postgres_fdw");
            assertThatIllegalArgumentException().isThrownBy(() -> new CreateExtension("\"x\"; DROP TABLE t", true));
        }

        @Test
        void server() {
            CreateServer server = new CreateServer(SERVER, "postgres_fdw",
                    List.of(new FdwOption("host", SqlLiteral.string("audit.internal")), new FdwOption("port", SqlLiteral.string("5432"))));
            assertThat(server.sql()).isEqualTo("CREATE SERVER \"audit \"\"srv\"\" ✓\" FOREIGN DATA WRAPPER postgres_fdw"
                    + " OPTIONS (host E'audit.internal', port E'5432')");
            assertThatIllegalArgumentException().isThrownBy(() -> new CreateServer(SERVER, "Postgres FDW", List.of()));
        }

        @Test
        void userMappingWithThePasswordPlaceholder() {
            UserMapping mapping = new UserMapping(Grantee.PUBLIC, SERVER);
            assertThat(mapping.create(List.of(new FdwOption("user", SqlLiteral.string("wr'iter")), new FdwOption("password", Statement.SECRET))))
                    .isEqualTo("CREATE USER MAPPING FOR PUBLIC SERVER \"audit \"\"srv\"\" ✓\" OPTIONS (user E'wr''iter', password '********')");
            assertThat(mapping.drop()).isEqualTo("DROP USER MAPPING FOR PUBLIC SERVER \"audit \"\"srv\"\" ✓\"");
            assertThat(new UserMapping(Grantee.role(ROLE), SERVER).drop())
                    .isEqualTo("DROP USER MAPPING FOR \"x\"\"; DROP TABLE t; --\" SERVER \"audit \"\"srv\"\" ✓\"");
        }

        @Test
        void optionNamesAreWords() {
            assertThatIllegalArgumentException().isThrownBy(() -> new FdwOption("host E'x'), (port", "E'1'"));
        }

        @Test
        void foreignTable() {
            CreateForeignTable table = new CreateForeignTable(TABLE,
                    List.of(new CreateForeignTable.Column("occurred_at", TypeName.of("timestamptz")),
                            new CreateForeignTable.Column(Identifier.of("cläims \"x\"").quoted(), TypeName.of("jsonb"))),
                    SERVER, List.of(new FdwOption("schema_name", SqlLiteral.plain("audit")),
                    new FdwOption("table_name", SqlLiteral.plain("row_change"))));
            assertThat(table.sql()).isEqualTo("CREATE FOREIGN TABLE \"Mixed Case\".\"a\"\"b\" (occurred_at timestamptz, \"cläims \"\"x\"\"\" jsonb)"
                    + " SERVER \"audit \"\"srv\"\" ✓\" OPTIONS (schema_name 'audit', table_name 'row_change')");
        }

        @Test
        void foreignTableAndServerDropAsPlainObjects() {
            assertThat(new Drop(Drop.Kind.FOREIGN_TABLE, TABLE.quoted(), false).sql())
                    .isEqualTo("DROP FOREIGN TABLE \"Mixed Case\".\"a\"\"b\"");
            assertThat(new Drop(Drop.Kind.SERVER, SERVER.quoted(), true).sql())
                    .isEqualTo("DROP SERVER \"audit \"\"srv\"\" ✓\" CASCADE");
        }
    }
}
