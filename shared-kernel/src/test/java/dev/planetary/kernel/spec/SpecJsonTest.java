package dev.planetary.kernel.spec;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.spec.audit.AuditSchemaSpec;
import dev.planetary.kernel.spec.audit.AuditTableSpec;
import dev.planetary.kernel.spec.audit.ConnectAuditSpec;
import dev.planetary.kernel.spec.drift.AdoptDriftSpec;
import dev.planetary.kernel.spec.drift.RevertDriftSpec;
import dev.planetary.kernel.spec.function.CreateFunctionSpec;
import dev.planetary.kernel.spec.function.DropFunctionSpec;
import dev.planetary.kernel.spec.function.FunctionColumn;
import dev.planetary.kernel.spec.function.FunctionLanguage;
import dev.planetary.kernel.spec.function.FunctionParameter;
import dev.planetary.kernel.spec.function.FunctionReturn;
import dev.planetary.kernel.spec.function.FunctionSecurity;
import dev.planetary.kernel.spec.function.FunctionVolatility;
import dev.planetary.kernel.spec.function.ParameterMode;
import dev.planetary.kernel.spec.policy.AlterPolicySpec;
import dev.planetary.kernel.spec.policy.CreatePolicySpec;
import dev.planetary.kernel.spec.policy.DropPolicySpec;
import dev.planetary.kernel.spec.policy.RowSecurityAction;
import dev.planetary.kernel.spec.policy.RowSecuritySpec;
import dev.planetary.kernel.spec.privilege.FunctionPrivilegeSpec;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.spec.privilege.RoleMembershipSpec;
import dev.planetary.kernel.spec.privilege.SchemaPrivilege;
import dev.planetary.kernel.spec.privilege.SchemaPrivilegeSpec;
import dev.planetary.kernel.spec.privilege.TablePrivilege;
import dev.planetary.kernel.spec.privilege.TablePrivilegeSpec;
import dev.planetary.kernel.spec.protect.AccessView;
import dev.planetary.kernel.spec.protect.ProtectTableSpec;
import dev.planetary.kernel.spec.protect.RowPolicy;
import dev.planetary.kernel.spec.protect.UnprotectTableSpec;
import dev.planetary.kernel.spec.protect.ViewWrite;
import dev.planetary.kernel.spec.trigger.CreateTriggerSpec;
import dev.planetary.kernel.spec.trigger.DropTriggerSpec;
import dev.planetary.kernel.spec.trigger.TriggerEnablementSpec;
import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.trigger.TriggerTiming;
import dev.planetary.kernel.spec.view.CreateViewSpec;
import dev.planetary.kernel.spec.view.DropViewSpec;
import dev.planetary.kernel.spec.view.Redaction;
import dev.planetary.kernel.spec.view.ViewColumn;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.kernel.sql.TypeName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.planetary.kernel.spec.Hostile.GRANTEE;
import static dev.planetary.kernel.spec.Hostile.ROLE;
import static dev.planetary.kernel.spec.Hostile.SCHEMA;
import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The exact JSON form of the spec kinds, with the plain mapper the brief prescribes (every
 * registered kind's example also round-trips in ChangeKindsTest, so a new kind need not be added here). Expected documents
 * are written by hand with single-quoted JSON strings (so the double quotes in the hostile names
 * need no escaping) and compared as trees, so property order does not matter.
 */
class SpecJsonTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    /** Reads the hand-written expectations only; the mapper under test stays plain. */
    private static final ObjectMapper EXPECTATIONS = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private static JsonNode expected(String json) {
        try {
            return EXPECTATIONS.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad expectation: " + json, e);
        }
    }

    static Stream<Arguments> everyKind() {
        return Stream.of(
                arguments(new TablePrivilegeSpec(PrivilegeAction.GRANT, List.of(TablePrivilege.UPDATE, TablePrivilege.SELECT),
                                TABLE, List.of(Identifier.of("Col\"1")), GRANTEE, true), """
                        {'kind': 'table-privilege', 'action': 'GRANT', 'privileges': ['SELECT', 'UPDATE'],
                         'table': {'schema': 'Mixed Case', 'name': 'a"b'}, 'columns': ['Col"1'],
                         'grantee': 'x"; DROP TABLE t; --', 'withGrantOption': true}"""),
                arguments(new SchemaPrivilegeSpec(PrivilegeAction.REVOKE, List.of(SchemaPrivilege.CREATE), SCHEMA,
                                Grantee.PUBLIC, false), """
                        {'kind': 'schema-privilege', 'action': 'REVOKE', 'privileges': ['CREATE'],
                         'schema': 'Mixed Case', 'grantee': 'PUBLIC', 'withGrantOption': false}"""),
                arguments(new FunctionPrivilegeSpec(PrivilegeAction.GRANT, QualifiedName.of("Mixed Case", "a\"b"),
                                List.of(TypeName.of("integer"), TypeName.of("text[]")), GRANTEE, false), """
                        {'kind': 'function-privilege', 'action': 'GRANT',
                         'function': {'schema': 'Mixed Case', 'name': 'a"b'}, 'argumentTypes': ['integer', 'text[]'],
                         'grantee': 'x"; DROP TABLE t; --', 'withGrantOption': false}"""),
                arguments(new RoleMembershipSpec(PrivilegeAction.GRANT, ROLE, Identifier.of("Mixed Case"), true), """
                        {'kind': 'role-membership', 'action': 'GRANT', 'role': 'x"; DROP TABLE t; --',
                         'member': 'Mixed Case', 'withAdminOption': true}"""),
                arguments(new RowSecuritySpec(TABLE, RowSecurityAction.NO_FORCE), """
                        {'kind': 'row-security', 'table': {'schema': 'Mixed Case', 'name': 'a"b'}, 'action': 'NO_FORCE'}"""),
                arguments(new CreatePolicySpec(TABLE, Identifier.of("own\"rows"), PolicyMode.RESTRICTIVE, PolicyCommand.UPDATE,
                                List.of(GRANTEE, Grantee.PUBLIC), sql("note <> ';)'"), sql("tenant_id = $1 -- tenant")), """
                        {'kind': 'create-policy', 'table': {'schema': 'Mixed Case', 'name': 'a"b'}, 'name': 'own"rows',
                         'mode': 'RESTRICTIVE', 'command': 'UPDATE', 'roles': ['x"; DROP TABLE t; --', 'PUBLIC'],
                         'using': "note <> ';)'", 'withCheck': 'tenant_id = $1 -- tenant'}"""),
                arguments(new AlterPolicySpec(TABLE, Identifier.of("own\"rows"), null, null, sql("owner = current_user")), """
                        {'kind': 'alter-policy', 'table': {'schema': 'Mixed Case', 'name': 'a"b'}, 'name': 'own"rows',
                         'roles': null, 'using': null, 'withCheck': 'owner = current_user'}"""),
                arguments(new DropPolicySpec(TABLE, Identifier.of("own\"rows")), """
                        {'kind': 'drop-policy', 'table': {'schema': 'Mixed Case', 'name': 'a"b'}, 'name': 'own"rows'}"""),
                arguments(new CreateTriggerSpec(TABLE, Identifier.of("audit\"trg"), TriggerTiming.INSTEAD_OF,
                                List.of(TriggerEvent.UPDATE, TriggerEvent.INSERT), null, null, null,
                                QualifiedName.of("Mixed Case", "log\"it"), List.of("it's", "C:\\path")), """
                        {'kind': 'create-trigger', 'table': {'schema': 'Mixed Case', 'name': 'a"b'}, 'name': 'audit"trg',
                         'timing': 'INSTEAD_OF', 'events': ['INSERT', 'UPDATE'], 'updateColumns': [], 'level': 'ROW',
                         'when': null, 'function': {'schema': 'Mixed Case', 'name': 'log"it'},
                         'arguments': ["it's", 'C:\\\\path']}"""),
                arguments(new DropTriggerSpec(TABLE, Identifier.of("audit\"trg")), """
                        {'kind': 'drop-trigger', 'table': {'schema': 'Mixed Case', 'name': 'a"b'}, 'name': 'audit"trg'}"""),
                arguments(new TriggerEnablementSpec(TABLE, Identifier.of("audit\"trg"), false), """
                        {'kind': 'trigger-enablement', 'table': {'schema': 'Mixed Case', 'name': 'a"b'},
                         'name': 'audit"trg', 'enabled': false}"""),
                arguments(new CreateFunctionSpec(QualifiedName.of("Mixed Case", "tot\"al"),
                                List.of(new FunctionParameter(ROLE, null, TypeName.of("integer"), sql("1")),
                                        new FunctionParameter(null, ParameterMode.OUT, TypeName.of("text[]"), null)),
                                FunctionReturn.scalar(TypeName.of("text[]")), FunctionLanguage.PLPGSQL,
                                FunctionVolatility.STABLE, true, FunctionSecurity.DEFINER,
                                List.of(Identifier.of("pg_catalog"), Identifier.of("pg_temp")), false,
                                "BEGIN RETURN '$function$'; END", "it's"), """
                        {'kind': 'create-function', 'name': {'schema': 'Mixed Case', 'name': 'tot"al'},
                         'parameters': [{'name': 'x"; DROP TABLE t; --', 'mode': 'IN', 'type': 'integer', 'defaultValue': '1'},
                                        {'name': null, 'mode': 'OUT', 'type': 'text[]', 'defaultValue': null}],
                         'returns': {'kind': 'SCALAR', 'type': 'text[]', 'columns': []},
                         'language': 'PLPGSQL', 'volatility': 'STABLE', 'strict': true, 'security': 'DEFINER',
                         'searchPath': ['pg_catalog', 'pg_temp'], 'replace': false,
                         'body': "BEGIN RETURN '$function$'; END", 'comment': "it's"}"""),
                arguments(new CreateFunctionSpec(QualifiedName.of("app", "recent"), List.of(), FunctionReturn.table(List.of(
                                new FunctionColumn(Identifier.of("Mixed Case"), TypeName.of("bigint")))),
                                FunctionLanguage.SQL, null, false, null, null, true, "SELECT 1", null), """
                        {'kind': 'create-function', 'name': {'schema': 'app', 'name': 'recent'}, 'parameters': [],
                         'returns': {'kind': 'TABLE', 'type': null, 'columns': [{'name': 'Mixed Case', 'type': 'bigint'}]},
                         'language': 'SQL', 'volatility': 'VOLATILE', 'strict': false, 'security': 'INVOKER',
                         'searchPath': [], 'replace': true, 'body': 'SELECT 1', 'comment': null}"""),
                arguments(new DropFunctionSpec(QualifiedName.of("Mixed Case", "tot\"al"),
                                List.of(TypeName.of("integer"), TypeName.of("character varying(20)")), true), """
                        {'kind': 'drop-function', 'name': {'schema': 'Mixed Case', 'name': 'tot"al'},
                         'argumentTypes': ['integer', 'character varying(20)'], 'cascade': true}"""),
                arguments(new CreateViewSpec(QualifiedName.of("app", "v"), TABLE, List.of(ViewColumn.plain("id")), true, false,
                                List.of(Grantee.PUBLIC), false, null, PROTECTION.facts()), """
                        {'kind': 'create-view', 'name': {'schema': 'app', 'name': 'v'},
                         'source': {'schema': 'Mixed Case', 'name': 'a"b'},
                         'columns': [{'name': 'id', 'redaction': 'NONE', 'function': null}], 'securityBarrier': true,
                         'securityInvoker': false, 'grantees': ['PUBLIC'], 'replace': false, 'comment': null,
                         'facts': """ + FACTS_JSON + "}"),
                arguments(new DropViewSpec(QualifiedName.of("app", "v"), true), """
                        {'kind': 'drop-view', 'name': {'schema': 'app', 'name': 'v'}, 'cascade': true}"""),
                arguments(new ConnectAuditSpec(null, "audit.internal", 5432, "audit", "planetary_audit_writer", "audit-writer"), """
                        {'kind': 'connect-audit', 'server': 'planetary_audit', 'host': 'audit.internal', 'port': 5432,
                         'database': 'audit', 'remoteUser': 'planetary_audit_writer', 'credential': 'audit-writer',
                         'target': 'default'}"""),
                arguments(new AuditTableSpec(TABLE, true, false), """
                        {'kind': 'audit-table', 'table': {'schema': 'Mixed Case', 'name': 'a"b'}, 'audit': true, 'failOpen': false}"""),
                arguments(new AdoptDriftSpec("drift-12", "hotfix during the incident"), """
                        {'kind': 'adopt-drift', 'driftId': 'drift-12', 'reason': 'hotfix during the incident'}"""),
                arguments(new RevertDriftSpec("drift-13", RevertDriftSpec.DriftObject.TABLE, "\"Mixed Case\".\"a\"\"b\""), """
                        {'kind': 'revert-drift', 'driftId': 'drift-13', 'objectType': 'TABLE', 'identity': '"Mixed Case"."a""b"'}"""),
                arguments(new AuditSchemaSpec(SCHEMA, true), """
                        {'kind': 'audit-schema', 'schema': 'Mixed Case', 'auto': true}"""),
                arguments(new dev.planetary.kernel.spec.index.CreateIndexSpec(TABLE, Identifier.of("i\"x"), null,
                                List.of(dev.planetary.kernel.ddl.IndexKey.onColumn("a"),
                                        dev.planetary.kernel.ddl.IndexKey.onExpression("lower(e)").desc()),
                                List.of(Identifier.of("b")), sql("a > 0"), true, null), """
                        {'kind': 'create-index', 'table': {'schema': 'Mixed Case', 'name': 'a"b'}, 'name': 'i"x',
                         'method': 'BTREE', 'keys': [{'column': 'a', 'descending': false},
                                                     {'expression': 'lower(e)', 'descending': true}],
                         'include': ['b'], 'where': 'a > 0', 'unique': true, 'concurrently': true}"""),
                arguments(new dev.planetary.kernel.spec.index.DropIndexSpec(QualifiedName.of("Mixed Case", "i\"x"), null, false,
                                new IndexFacts("CREATE INDEX \"i\"\"x\" ON \"Mixed Case\".\"a\"\"b\" USING btree (a)", false,
                                        List.of("constraint c on table t"))), """
                        {'kind': 'drop-index', 'index': {'schema': 'Mixed Case', 'name': 'i"x'}, 'concurrently': true,
                         'cascade': false, 'facts': {'definition': 'CREATE INDEX "i""x" ON "Mixed Case"."a""b" USING btree (a)',
                                                     'partitioned': false, 'constraints': ['constraint c on table t']}}"""),
                arguments(new dev.planetary.kernel.spec.documentation.CommentOnSpec(dev.planetary.kernel.ddl.CommentOn.Target.COLUMN,
                                TABLE, Identifier.of("c\"1"), null, "new", new PreviousComment("it's old")), """
                        {'kind': 'comment-on', 'target': 'COLUMN', 'object': {'schema': 'Mixed Case', 'name': 'a"b'},
                         'name': 'c"1', 'argumentTypes': [], 'comment': 'new', 'previous': {'text': "it's old"}}"""),
                arguments(new dev.planetary.kernel.spec.index.ReindexSpec(null, QualifiedName.of("Mixed Case", "i\"x"), false), """
                        {'kind': 'reindex', 'target': 'INDEX', 'name': {'schema': 'Mixed Case', 'name': 'i"x'},
                         'concurrently': false}"""),
                arguments(PROTECTION, PROTECTION_JSON),
                arguments(new UnprotectTableSpec("c-1", PROTECTION),
                        "{'kind': 'unprotect-table', 'protectedBy': 'c-1', 'protection': " + PROTECTION_JSON + "}"));
    }

    private static final ProtectTableSpec PROTECTION = new ProtectTableSpec(TABLE,
            List.of(new AccessView(Identifier.of("v\"1"),
                    List.of(ViewColumn.plain("id"), ViewColumn.redacted("e", Redaction.MASK_EMAIL)),
                    List.of(GRANTEE), List.of(new ViewWrite(TriggerEvent.DELETE, "BEGIN RETURN true; END")))),
            List.of(new RowPolicy(Identifier.of("p"), PolicyCommand.SELECT, PolicyMode.PERMISSIVE,
                    SqlFragment.of("t = current_setting('app.t', true)"), null)),
            new TableFacts(Identifier.of("o"), false, false, true,
                    List.of(new TableFacts.FactColumn(Identifier.of("id"), "bigint", true, null),
                            new TableFacts.FactColumn(Identifier.of("e"), "text", false, SqlFragment.of("''"))),
                    List.of(Identifier.of("id")), List.of(new TableFacts.FactGrant(Grantee.PUBLIC, "SELECT", null, false)),
                    List.of(), List.of(), List.of(GRANTEE)));

    private static final String FACTS_JSON = """
            {'owner': 'o', 'ownerBypassesRls': false, 'rlsEnabled': false, 'rlsForced': true,
                       'columns': [{'name': 'id', 'type': 'bigint', 'generated': true, 'defaultValue': null},
                                   {'name': 'e', 'type': 'text', 'generated': false, 'defaultValue': "''"}],
                       'primaryKey': ['id'],
                       'grants': [{'grantee': 'PUBLIC', 'privilege': 'SELECT', 'column': null, 'grantable': false}],
                       'policies': [], 'dependentViews': [], 'schemaUsage': ['x"; DROP TABLE t; --']}""";

    private static final String PROTECTION_JSON = """
            {'kind': 'protect-table', 'table': {'schema': 'Mixed Case', 'name': 'a"b'},
             'views': [{'name': 'v"1', 'grantees': ['x"; DROP TABLE t; --'],
                        'columns': [{'name': 'id', 'redaction': 'NONE', 'function': null},
                                    {'name': 'e', 'redaction': 'MASK_EMAIL', 'function': null}],
                        'writes': [{'operation': 'DELETE', 'body': 'BEGIN RETURN true; END'}]}],
             'policies': [{'name': 'p', 'command': 'SELECT', 'mode': 'PERMISSIVE',
                           'using': "t = current_setting('app.t', true)", 'withCheck': null}],
             'facts': """ + FACTS_JSON + "}";

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyKind")
    void serialisesToTheExpectedDocument(ChangeSpec spec, String json) throws Exception {
        assertThat(mapper.readTree(mapper.writeValueAsString(spec))).isEqualTo(expected(json));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyKind")
    void serialisesWithTheKindAlsoThroughTheInterfaceType(ChangeSpec spec, String json) throws Exception {
        String written = mapper.writerFor(ChangeSpec.class).writeValueAsString(spec);
        assertThat(mapper.readTree(written)).isEqualTo(expected(json));
        assertThat(mapper.readTree(written).get("kind").asText()).isEqualTo(spec.kind());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyKind")
    void readsTheDocumentBackToTheSameSpec(ChangeSpec spec, String json) throws Exception {
        assertThat(mapper.treeToValue(expected(json), ChangeSpec.class)).isEqualTo(spec);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyKind")
    void roundTrips(ChangeSpec spec, String ignored) throws Exception {
        String json = mapper.writeValueAsString(spec);
        ChangeSpec read = mapper.readValue(json, ChangeSpec.class);
        assertThat(read).isEqualTo(spec).isInstanceOf(spec.getClass());
        assertThat(read.plan()).isEqualTo(spec.plan());
    }

    @Nested
    class Reading {

        @Test
        void omittedOptionalFieldsTakeTheirDefaults() throws Exception {
            ChangeSpec spec = mapper.readValue("""
                    {"kind": "create-policy", "table": {"schema": "app", "name": "invoice"}, "name": "p",
                     "using": "true"}""", ChangeSpec.class);

            assertThat(spec).isEqualTo(new CreatePolicySpec(QualifiedName.of("app", "invoice"), Identifier.of("p"),
                    PolicyMode.PERMISSIVE, PolicyCommand.ALL, List.of(), sql("true"), null));
        }

        @Test
        void omittedFunctionFieldsTakeTheirDefaults() throws Exception {
            ChangeSpec spec = mapper.readValue("""
                    {"kind": "create-function", "name": {"schema": "app", "name": "purge"},
                     "parameters": [{"type": "integer"}], "returns": {"kind": "VOID"}, "language": "SQL",
                     "body": "DELETE FROM app.session WHERE age > $1"}""", ChangeSpec.class);

            assertThat(spec).isEqualTo(new CreateFunctionSpec(QualifiedName.of("app", "purge"),
                    List.of(new FunctionParameter(null, ParameterMode.IN, TypeName.of("integer"), null)),
                    FunctionReturn.nothing(), FunctionLanguage.SQL, FunctionVolatility.VOLATILE, false,
                    FunctionSecurity.INVOKER, List.of(), false, "DELETE FROM app.session WHERE age > $1", null));
        }

        @Test
        void aFunctionRuleNamesTheParameterItBreaks() {
            assertThatThrownBy(() -> mapper.readValue("""
                    {"kind": "create-function", "name": {"schema": "app", "name": "f"},
                     "parameters": [{"name": "a", "type": "integer"}, {"name": "b", "mode": "OUT", "type": "integer",
                                     "defaultValue": "1"}],
                     "returns": {"kind": "SCALAR", "type": "integer"}, "language": "PLPGSQL", "body": "BEGIN END"}""",
                    ChangeSpec.class))
                    .hasRootCauseInstanceOf(SpecViolation.class)
                    .rootCause().isInstanceOfSatisfying(SpecViolation.class,
                            v -> assertThat(v.field()).isEqualTo("parameters[1].defaultValue"));
        }

        @Test
        void publicInAnyCaseIsThePublicGrantee() throws Exception {
            ChangeSpec spec = mapper.readValue("""
                    {"kind": "schema-privilege", "action": "GRANT", "privileges": ["USAGE"], "schema": "app",
                     "grantee": "public"}""", ChangeSpec.class);

            assertThat(((SchemaPrivilegeSpec) spec).grantee()).isSameAs(Grantee.PUBLIC);
            assertThat(mapper.readTree(mapper.writeValueAsString(spec)).get("grantee").asText()).isEqualTo("PUBLIC");
        }

        @Test
        void unknownKindFails() {
            assertThatThrownBy(() -> mapper.readValue("""
                    {"kind": "drop-table", "table": {"schema": "app", "name": "invoice"}}""", ChangeSpec.class))
                    .isInstanceOf(InvalidTypeIdException.class)
                    .hasMessageContaining("drop-table");
        }

        @Test
        void missingKindFails() {
            assertThatThrownBy(() -> mapper.readValue("""
                    {"table": {"schema": "app", "name": "invoice"}, "name": "p"}""", ChangeSpec.class))
                    .isInstanceOf(InvalidTypeIdException.class);
        }

        @Test
        void aSpecThatBreaksItsRulesIsRefusedWithTheViolation() {
            assertThatThrownBy(() -> mapper.readValue("""
                    {"kind": "table-privilege", "action": "GRANT", "privileges": [],
                     "table": {"schema": "app", "name": "invoice"}, "grantee": "reader"}""", ChangeSpec.class))
                    .hasRootCauseInstanceOf(SpecViolation.class)
                    .rootCause().isInstanceOfSatisfying(SpecViolation.class,
                            v -> assertThat(v.field()).isEqualTo("privileges"));
        }

        @Test
        void anInjectedExpressionIsRefused() {
            assertThatThrownBy(() -> mapper.readValue("""
                    {"kind": "create-policy", "table": {"schema": "app", "name": "invoice"}, "name": "p",
                     "using": "true) OR (1=1"}""", ChangeSpec.class))
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasRootCauseMessage("the expression closes a parenthesis it did not open (at 5)");
        }

        @Test
        void anOverlongIdentifierIsRefused() {
            String json = "{\"kind\": \"drop-trigger\", \"table\": {\"schema\": \"app\", \"name\": \"invoice\"}, \"name\": \""
                    + "x".repeat(64) + "\"}";
            assertThatThrownBy(() -> mapper.readValue(json, ChangeSpec.class))
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasRootCauseMessage("an identifier is at most 63 bytes (UTF-8); '" + "x".repeat(64) + "' is longer");
        }

        @Test
        void qualifiedNameNeedsBothParts() {
            assertThatThrownBy(() -> mapper.readValue("""
                    {"kind": "drop-trigger", "table": {"name": "invoice"}, "name": "t"}""", ChangeSpec.class))
                    .hasRootCauseMessage("schema is required");
        }
    }

    @Nested
    class Plans {

        @Test
        void planHasTheExpectedDocument() throws Exception {
            Plan plan = new DropPolicySpec(TABLE, Identifier.of("own\"rows")).plan();

            assertThat(mapper.readTree(mapper.writeValueAsString(plan))).isEqualTo(expected("""
                    {'summary': 'Drop policy own"rows on Mixed Case.a"b',
                     'statements': [{'sql': 'DROP POLICY "own""rows" ON "Mixed Case"."a""b"', 'transactional': true}],
                     'inverse': [],
                     'inverseNote': "the policy's definition is not part of this change",
                     'touches': [{'kind': 'TABLE', 'name': 'Mixed Case.a"b'},
                                 {'kind': 'POLICY', 'name': 'Mixed Case.a"b.own"rows'}],
                     'risk': 'HIGH',
                     'riskReasons': ['drops a policy: rows it allowed become invisible, or rows it restricted become visible'],
                     'findings': [],
                     'effects': [{'kind': 'POLICY', 'object': '"Mixed Case"."a""b"."own""rows"'}],
                     'dropsDependents': false}"""));
        }

        @Test
        void planWithoutInverseRoundTrips() throws Exception {
            Plan plan = new DropPolicySpec(TABLE, Identifier.of("own\"rows")).plan();

            assertThat(mapper.readValue(mapper.writeValueAsString(plan), Plan.class)).isEqualTo(plan);
        }

        @Test
        void planWithInverseAndFindingsRoundTrips() throws Exception {
            Plan plan = new CreatePolicySpec(TABLE, Identifier.of("own\"rows"), PolicyMode.RESTRICTIVE, null, List.of(),
                    sql("true -- everyone"), null).plan();
            assertThat(plan.findings()).hasSizeGreaterThan(1);

            Plan read = mapper.readValue(mapper.writeValueAsString(plan), Plan.class);

            assertThat(read).isEqualTo(plan);
            assertThat(read.script()).isEqualTo(plan.script());
            assertThat(read.hasInverse()).isTrue();
        }

        @Test
        void findingsAreWrittenWithRuleSeverityAndMessage() throws Exception {
            Plan plan = new RowSecuritySpec(TABLE, RowSecurityAction.ENABLE).plan();

            assertThat(mapper.readTree(mapper.writeValueAsString(plan)).get("findings")).isEqualTo(expected("""
                    [{'rule': 'rls-default-deny', 'severity': 'INFO',
                      'message': 'with row-level security on and no policy, roles other than the owner see no rows'}]"""));
        }
    }
}
