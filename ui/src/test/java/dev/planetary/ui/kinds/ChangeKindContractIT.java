package dev.planetary.ui.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.command.change.SpecFacts;
import dev.planetary.kernel.ddl.CommentOn;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.plan.Statement;
import dev.planetary.kernel.spec.ChangeKind;
import dev.planetary.kernel.spec.ChangeKinds;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.IndexFacts;
import dev.planetary.kernel.spec.PreviousComment;
import dev.planetary.kernel.spec.ProposalFacts;
import dev.planetary.kernel.spec.TableFacts;
import dev.planetary.kernel.spec.protect.ProtectTableSpec;
import dev.planetary.kernel.spec.protect.UnprotectTableSpec;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.KindForms;
import dev.planetary.ui.propose.SpecForm;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's contract where the catalog and the forms are: every kind's example, completed
 * with the facts Planetary reads, runs on the demo target (in menu order, in one transaction that
 * is rolled back, so the drop examples find what the create examples made; a statement that runs
 * outside a transaction by its rehearsal, as the dry-run runs it), every proposable kind
 * has a form that loads its example and builds the same spec, and the API lists every kind. A kind
 * that needs an extension the demo target lacks (pg_cron) is refused at proposal there, saying so; its
 * SQL runs where the extension is (JobsIT).
 */
class ChangeKindContractIT extends KaribuIT {

    /** The slot the drop-replication-slot example drops: slots are not transactional, so it is made for the class. */
    private static final String EXAMPLE_SLOT = "standby_gone";
    /** The foreign server the drop-foreign-server example drops, the executor's, with a mapping naming its remote user. */
    private static final String EXAMPLE_SERVER = "warehouse_link";

    @BeforeAll
    static void exampleSlotAndServer() throws Exception {
        // physical, reserving no WAL until a standby uses it: it holds nothing back meanwhile
        slot("SELECT pg_catalog.pg_create_physical_replication_slot('" + EXAMPLE_SLOT + "') WHERE NOT EXISTS"
                + " (SELECT 1 FROM pg_catalog.pg_replication_slots WHERE slot_name = '" + EXAMPLE_SLOT + "')");
        slot("SET planetary.change_id = 'planetary-bookkeeping'; DROP SERVER IF EXISTS " + EXAMPLE_SERVER + " CASCADE; CREATE SERVER "
                + EXAMPLE_SERVER + " FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'warehouse.internal', dbname 'warehouse');"
                + " ALTER SERVER " + EXAMPLE_SERVER + " OWNER TO planetary_ddl;"
                + " CREATE USER MAPPING FOR planetary_ddl SERVER " + EXAMPLE_SERVER + " OPTIONS (user 'reader')");
    }

    @AfterAll
    static void dropExampleSlotAndServer() throws Exception {
        slot("SELECT pg_catalog.pg_drop_replication_slot(slot_name) FROM pg_catalog.pg_replication_slots WHERE slot_name = '"
                + EXAMPLE_SLOT + "'");
        slot("SET planetary.change_id = 'planetary-bookkeeping'; DROP SERVER IF EXISTS " + EXAMPLE_SERVER + " CASCADE");
    }

    private static void slot(String sql) throws Exception {
        try (Connection connection = STACK.target(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Autowired
    private SpecFacts specFacts;
    @Autowired
    private CatalogChoices catalog;

    @Test
    void every_example_runs_on_the_demo_target_in_menu_order() throws Exception {
        Map<String, String> failures = new LinkedHashMap<>();
        try (Connection connection = STACK.target()) {
            connection.setAutoCommit(false);
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE planetary_ddl");
                for (ChangeSpec example : completedExamples(true)) {
                    for (Statement step : example.plan().statements()) {
                        statement.execute("SAVEPOINT example");
                        try {
                            // as the dry-run does: a statement that runs outside a transaction by its rehearsal
                            statement.execute(step.transactional() ? step.sql() : step.outside().rehearsal());
                        } catch (SQLException e) {
                            failures.put(example.kind(), e.getMessage());
                            statement.execute("ROLLBACK TO SAVEPOINT example");
                        }
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void every_proposable_kind_has_a_form_that_loads_its_example_and_builds_the_same_spec() {
        String protection = appliedProtection();
        signIn("alice", PlanetaryRight.REQUESTER);
        List<String> mismatches = new ArrayList<>();
        for (ChangeSpec written : completedExamples(false)) {
            // The unprotect form offers applied protections only: it loads a real one.
            ChangeSpec example = written instanceof UnprotectTableSpec unprotect
                    ? new UnprotectTableSpec(protection, null).withAppliedProtection(specFacts.on(TargetId.DEFAULT)) : written;
            ChangeKind<?> kind = ChangeKinds.of(example);
            if (!kind.proposable()) {
                assertThat(KindForms.has(kind)).as("%s is started from the drift page, not the menu", kind.name()).isFalse();
                continue;
            }
            SpecForm form = KindForms.create(kind, catalog).orElseThrow(() -> new AssertionError(kind.name() + " has no form"));
            form.load(example);
            try {
                ChangeSpec built = kind.complete(form.spec(),
                        example instanceof UnprotectTableSpec ? specFacts.on(TargetId.DEFAULT) : facts(!installed(kind)));
                if (!built.equals(example)) {
                    mismatches.add(kind.name() + ": built " + built);
                }
            } catch (SpecForm.Invalid invalid) {
                mismatches.add(kind.name() + ": " + invalid.field() + ": " + invalid.getMessage());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void the_api_lists_every_kind_with_its_example_and_schema() {
        Response response = api.get("victor", "/api/kinds");
        assertThat(response.status()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        for (JsonNode kind : response.body()) {
            listed.add(kind.path("kind").asText());
            assertThat(kind.path("example").path("kind").asText()).isEqualTo(kind.path("kind").asText());
            assertThat(kind.path("schema").path("properties").path("kind").path("enum").get(0).asText())
                    .isEqualTo(kind.path("kind").asText());
            assertThat(kind.path("label").asText()).isNotBlank();
        }
        assertThat(listed).containsExactlyElementsOf(ChangeKinds.names());
        JsonNode table = response.body().get(0).path("schema").path("properties");
        assertThat(table.has("privileges")).isTrue();
        assertThat(table.has("grantee")).isTrue();
    }

    @Test
    void the_openapi_description_of_a_proposal_has_one_entry_per_kind() {
        JsonNode docs = api.getAnonymous("/v3/api-docs").body();
        JsonNode spec = docs.path("components").path("schemas").path("ChangeSpec");
        assertThat(spec.path("oneOf").size()).isEqualTo(ChangeKinds.all().size());
        assertThat(spec.path("discriminator").path("propertyName").asText()).isEqualTo("kind");
        for (ChangeKind<?> kind : ChangeKinds.all()) {
            assertThat(spec.path("discriminator").path("mapping").path(kind.name()).asText())
                    .isEqualTo("#/components/schemas/" + kind.specType().getSimpleName());
            assertThat(docs.path("components").path("schemas").has(kind.specType().getSimpleName())).isTrue();
        }
    }

    /** A protection applied through the API, on a table of its own so no other test meets it. */
    private String appliedProtection() {
        STACK.asOwner("CREATE SCHEMA IF NOT EXISTS kinds_contract",
                "CREATE TABLE IF NOT EXISTS kinds_contract.note (id bigint PRIMARY KEY, body text NOT NULL)");
        String id = api.propose("alice", """
                {"kind": "protect-table", "table": {"schema": "kinds_contract", "name": "note"},
                 "views": [{"name": "note_v", "grantees": ["app_reader"], "columns": [{"name": "id"}, {"name": "body"}]}],
                 "policies": []}""").path("id").asText();
        api.approve("bob", id);
        api.approve("carol", id);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        return id;
    }

    @Test
    void a_kind_needing_an_extension_the_target_lacks_is_refused_at_proposal_saying_what_to_install() throws Exception {
        List<ChangeKind<?>> needing = ChangeKinds.all().stream().filter(kind -> kind.extension() != null && !installed(kind)).toList();
        assertThat(needing).extracting(ChangeKind::name).contains("schedule-job", "alter-job", "unschedule-job");
        for (ChangeKind<?> kind : needing) {
            Response refused = api.post("alice", "/api/changes", "{\"spec\": " + kind.example() + "}");
            assertThat(refused.status()).as(kind.name()).isEqualTo(400);
            assertThat(refused.body().path("field").asText()).isEqualTo("spec.name");
            assertThat(refused.body().toString()).contains(kind.extension() + " is not installed");
        }
    }

    private static boolean installed(ChangeKind<?> kind) {
        try {
            return kind.extension() == null
                    || STACK.targetQuery("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = '" + kind.extension() + "')");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The examples in menu order, with their facts read from the demo target; with {@code runnable}, only those
     * whose extension the demo target has (the others' facts, for the forms, are the documented examples').
     */
    private List<ChangeSpec> completedExamples(boolean runnable) {
        List<ChangeSpec> examples = new ArrayList<>();
        for (ChangeKind<?> kind : ChangeKinds.all()) {
            if (!installed(kind) && runnable) {
                continue;
            }
            try {
                examples.add(kind.complete(JSON.readValue(kind.example(), ChangeSpec.class), facts(!installed(kind))));
            } catch (java.io.IOException e) {
                throw new AssertionError(kind.name(), e);
            }
        }
        return examples;
    }

    /**
     * The target's facts; the protection an unprotect undoes is the protect-table example (never applied here);
     * with {@code documentedJobs}, the jobs of the documented examples (one job, nightly-analyze) for a target without pg_cron.
     */
    private ProposalFacts facts(boolean documentedJobs) {
        return new ProposalFacts() {
            @Override
            public TableFacts table(QualifiedName table, String field) {
                return specFacts.on(TargetId.DEFAULT).table(table, field);
            }

            @Override
            public IndexFacts index(QualifiedName index, String field) {
                return specFacts.on(TargetId.DEFAULT).index(index, field);
            }

            @Override
            public dev.planetary.kernel.config.ParameterFacts parameter(String name, String field) {
                return specFacts.on(TargetId.DEFAULT).parameter(name, field);
            }

            @Override
            public dev.planetary.kernel.config.SessionDefaultFacts sessionDefault(Identifier role, Identifier database, String parameter,
                                                                                  String field) {
                return specFacts.on(TargetId.DEFAULT).sessionDefault(role, database, parameter, field);
            }

            @Override
            public dev.planetary.kernel.jobs.JobFacts job(String name, String field) {
                if (documentedJobs) {
                    return "nightly-analyze".equals(name)
                            ? new dev.planetary.kernel.jobs.JobFacts(true, 1L, "30 3 * * *", "ANALYZE app.invoice", true)
                            : dev.planetary.kernel.jobs.JobFacts.NONE;
                }
                return specFacts.on(TargetId.DEFAULT).job(name, field);
            }

            @Override
            public dev.planetary.kernel.replication.PublicationFacts publication(Identifier name, List<QualifiedName> tables,
                                                                                 String field) {
                return specFacts.on(TargetId.DEFAULT).publication(name, tables, field);
            }

            @Override
            public dev.planetary.kernel.replication.ForeignServerFacts foreignServer(Identifier server, String field) {
                return specFacts.on(TargetId.DEFAULT).foreignServer(server, field);
            }

            @Override
            public dev.planetary.kernel.replication.SlotFacts slot(String name, String field) {
                return specFacts.on(TargetId.DEFAULT).slot(name, field);
            }

            @Override
            public dev.planetary.kernel.spec.StorageFacts storage(QualifiedName table, String field) {
                return specFacts.on(TargetId.DEFAULT).storage(table, field);
            }

            @Override
            public PreviousComment comment(CommentOn.Target target, QualifiedName object, Identifier name,
                                           List<TypeName> argumentTypes, String field) {
                return specFacts.on(TargetId.DEFAULT).comment(target, object, name, argumentTypes, field);
            }

            @Override
            public ChangeSpec appliedSpec(String changeId, String field) {
                ChangeKind<?> protect = ChangeKinds.named(ProtectTableSpec.KIND).orElseThrow();
                try {
                    return protect.complete(JSON.readValue(protect.example(), ChangeSpec.class), this);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        };
    }
}
