package dev.planetary.kernel.spec;

import dev.planetary.kernel.ddl.PublicationTable;
import dev.planetary.kernel.spec.audit.AuditSchemaSpec;
import dev.planetary.kernel.spec.audit.AuditTableSpec;
import dev.planetary.kernel.spec.audit.ConnectAuditSpec;
import dev.planetary.kernel.spec.config.AlterSystemSpec;
import dev.planetary.kernel.spec.config.DatabaseSettingSpec;
import dev.planetary.kernel.spec.config.RoleSettingSpec;
import dev.planetary.kernel.spec.documentation.CommentOnSpec;
import dev.planetary.kernel.spec.drift.AdoptDriftSpec;
import dev.planetary.kernel.spec.drift.RevertDriftSpec;
import dev.planetary.kernel.spec.function.CreateFunctionSpec;
import dev.planetary.kernel.spec.function.DropFunctionSpec;
import dev.planetary.kernel.spec.index.CreateIndexSpec;
import dev.planetary.kernel.spec.index.DropIndexSpec;
import dev.planetary.kernel.spec.index.ReindexSpec;
import dev.planetary.kernel.spec.jobs.AlterJobSpec;
import dev.planetary.kernel.spec.jobs.ScheduleJobSpec;
import dev.planetary.kernel.spec.jobs.UnscheduleJobSpec;
import dev.planetary.kernel.spec.maintenance.AnalyzeSpec;
import dev.planetary.kernel.spec.maintenance.TableStorageSpec;
import dev.planetary.kernel.spec.maintenance.VacuumSpec;
import dev.planetary.kernel.spec.policy.AlterPolicySpec;
import dev.planetary.kernel.spec.policy.CreatePolicySpec;
import dev.planetary.kernel.spec.policy.DropPolicySpec;
import dev.planetary.kernel.spec.policy.RowSecuritySpec;
import dev.planetary.kernel.spec.privilege.FunctionPrivilegeSpec;
import dev.planetary.kernel.spec.privilege.RoleMembershipSpec;
import dev.planetary.kernel.spec.privilege.SchemaPrivilegeSpec;
import dev.planetary.kernel.spec.privilege.TablePrivilegeSpec;
import dev.planetary.kernel.spec.protect.ProtectTableSpec;
import dev.planetary.kernel.spec.protect.UnprotectTableSpec;
import dev.planetary.kernel.spec.replication.AlterPublicationSpec;
import dev.planetary.kernel.spec.replication.CreatePublicationSpec;
import dev.planetary.kernel.spec.replication.DropForeignServerSpec;
import dev.planetary.kernel.spec.replication.DropPublicationSpec;
import dev.planetary.kernel.spec.replication.DropReplicationSlotSpec;
import dev.planetary.kernel.spec.trigger.CreateTriggerSpec;
import dev.planetary.kernel.spec.trigger.DropTriggerSpec;
import dev.planetary.kernel.spec.trigger.TriggerEnablementSpec;
import dev.planetary.kernel.spec.view.CreateViewSpec;
import dev.planetary.kernel.spec.view.DropViewSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.planetary.kernel.spec.KindGroup.AUDIT;
import static dev.planetary.kernel.spec.KindGroup.CONFIGURATION;
import static dev.planetary.kernel.spec.KindGroup.DOCUMENTATION;
import static dev.planetary.kernel.spec.KindGroup.DRIFT;
import static dev.planetary.kernel.spec.KindGroup.FUNCTIONS;
import static dev.planetary.kernel.spec.KindGroup.INDEXES;
import static dev.planetary.kernel.spec.KindGroup.JOBS;
import static dev.planetary.kernel.spec.KindGroup.MAINTENANCE;
import static dev.planetary.kernel.spec.KindGroup.PRIVILEGES;
import static dev.planetary.kernel.spec.KindGroup.PROTECTION;
import static dev.planetary.kernel.spec.KindGroup.REPLICATION;
import static dev.planetary.kernel.spec.KindGroup.ROW_SECURITY;
import static dev.planetary.kernel.spec.KindGroup.TRIGGERS;
import static dev.planetary.kernel.spec.KindGroup.VIEWS;

/**
 * The one list of change kinds. Everything else is derived from it: the JSON {@code kind} names
 * ({@link KindIdResolver}), the propose menu and its forms, the queue and history filters, the
 * API's list of kinds and the OpenAPI schema of a proposal.
 *
 * <p>Why a plain list in the kernel rather than Spring beans or a sealed interface: the kernel has
 * no Spring, and a sealed interface would need every spec in one package (or a second list in its
 * {@code permits} clause), while kinds are meant to live in family packages. Contract tests close
 * the gap a list leaves: every class implementing {@link ChangeSpec} must be registered here, and
 * every registered kind must have an example, golden SQL, a JSON round trip and (if proposable) a form.
 */
public final class ChangeKinds {

    /** In menu order, grouped by family. */
    private static final List<ChangeKind<?>> ALL = List.of(
            kind(TablePrivilegeSpec.KIND, TablePrivilegeSpec.class, "Table privileges", PRIVILEGES),
            kind(SchemaPrivilegeSpec.KIND, SchemaPrivilegeSpec.class, "Schema privileges", PRIVILEGES),
            kind(FunctionPrivilegeSpec.KIND, FunctionPrivilegeSpec.class, "Function EXECUTE", PRIVILEGES),
            kind(RoleMembershipSpec.KIND, RoleMembershipSpec.class, "Role membership", PRIVILEGES),
            kind(RowSecuritySpec.KIND, RowSecuritySpec.class, "Row-level security on a table", ROW_SECURITY),
            kind(CreatePolicySpec.KIND, CreatePolicySpec.class, "Row-level security policy", ROW_SECURITY),
            kind(AlterPolicySpec.KIND, AlterPolicySpec.class, "Alter a policy", ROW_SECURITY),
            kind(DropPolicySpec.KIND, DropPolicySpec.class, "Drop a policy", ROW_SECURITY),
            kind(CreateTriggerSpec.KIND, CreateTriggerSpec.class, "Trigger", TRIGGERS),
            kind(TriggerEnablementSpec.KIND, TriggerEnablementSpec.class, "Enable or disable a trigger", TRIGGERS),
            kind(DropTriggerSpec.KIND, DropTriggerSpec.class, "Drop a trigger", TRIGGERS),
            kind(CreateFunctionSpec.KIND, CreateFunctionSpec.class, "Function: create or replace", FUNCTIONS),
            kind(DropFunctionSpec.KIND, DropFunctionSpec.class, "Drop a function", FUNCTIONS),
            new ChangeKind<>(CreateViewSpec.KIND, CreateViewSpec.class, "View (view builder)", VIEWS, true,
                    (view, world) -> view.withFacts(world.table(view.source(), "source"))),
            kind(DropViewSpec.KIND, DropViewSpec.class, "Drop a view", VIEWS),
            new ChangeKind<>(ProtectTableSpec.KIND, ProtectTableSpec.class,
                    "Protect a table (views, triggers, row policies)", PROTECTION, true,
                    (protect, world) -> protect.withFacts(world.table(protect.table(), "table"))),
            new ChangeKind<>(UnprotectTableSpec.KIND, UnprotectTableSpec.class, "Unprotect a table (undo a protection)",
                    PROTECTION, true, UnprotectTableSpec::withAppliedProtection),
            kind(CreateIndexSpec.KIND, CreateIndexSpec.class, "Create an index", INDEXES),
            new ChangeKind<>(DropIndexSpec.KIND, DropIndexSpec.class, "Drop an index", INDEXES, true,
                    (drop, world) -> drop.withFacts(world.index(drop.index(), "index"))),
            kind(ReindexSpec.KIND, ReindexSpec.class, "Rebuild an index (REINDEX)", INDEXES),
            kind(VacuumSpec.KIND, VacuumSpec.class, "Vacuum tables (VACUUM, FULL, FREEZE)", MAINTENANCE),
            kind(AnalyzeSpec.KIND, AnalyzeSpec.class, "Analyze tables (planner statistics)", MAINTENANCE),
            new ChangeKind<>(TableStorageSpec.KIND, TableStorageSpec.class, "Table storage and autovacuum settings", MAINTENANCE, true,
                    (storage, world) -> storage.withFacts(world.storage(storage.table(), "table"))),
            new ChangeKind<>(AlterSystemSpec.KIND, AlterSystemSpec.class, "Server parameter (ALTER SYSTEM)", CONFIGURATION, true,
                    (alter, world) -> alter.withFacts(world.parameter(alter.parameter(), "parameter"))),
            new ChangeKind<>(RoleSettingSpec.KIND, RoleSettingSpec.class, "A role's default for a parameter (ALTER ROLE ... SET)",
                    CONFIGURATION, true, (setting, world) -> setting.withFacts(world.sessionDefault(setting.role(), setting.database(),
                            setting.parameter(), "parameter"))),
            new ChangeKind<>(DatabaseSettingSpec.KIND, DatabaseSettingSpec.class, "A database's default for a parameter (ALTER DATABASE ... SET)",
                    CONFIGURATION, true, (setting, world) -> setting.withFacts(world.sessionDefault(null, setting.database(),
                            setting.parameter(), "parameter"))),
            new ChangeKind<>(ScheduleJobSpec.KIND, ScheduleJobSpec.class, "Schedule a job (pg_cron)", JOBS, true,
                    (job, world) -> job.withFacts(world.job(job.name(), "name")), "pg_cron"),
            new ChangeKind<>(AlterJobSpec.KIND, AlterJobSpec.class, "Change, enable or disable a job", JOBS, true,
                    (job, world) -> job.withFacts(world.job(job.name(), "name")), "pg_cron"),
            new ChangeKind<>(UnscheduleJobSpec.KIND, UnscheduleJobSpec.class, "Unschedule a job", JOBS, true,
                    (job, world) -> job.withFacts(world.job(job.name(), "name")), "pg_cron"),
            new ChangeKind<>(CreatePublicationSpec.KIND, CreatePublicationSpec.class, "Publish tables (CREATE PUBLICATION)", REPLICATION,
                    true, (publication, world) -> publication.withFacts(world.publication(publication.name(),
                    publication.tables().stream().map(PublicationTable::table).toList(), "name"))),
            new ChangeKind<>(AlterPublicationSpec.KIND, AlterPublicationSpec.class, "Change a publication's tables or operations",
                    REPLICATION, true, (publication, world) -> publication.withFacts(world.publication(publication.name(),
                    publication.addTables().stream().map(PublicationTable::table).toList(), "name"))),
            new ChangeKind<>(DropPublicationSpec.KIND, DropPublicationSpec.class, "Drop a publication", REPLICATION, true,
                    (publication, world) -> publication.withFacts(world.publication(publication.name(), List.of(), "name"))),
            new ChangeKind<>(DropReplicationSlotSpec.KIND, DropReplicationSlotSpec.class, "Drop an unused replication slot", REPLICATION,
                    true, (drop, world) -> drop.withFacts(world.slot(drop.slot(), "slot"))),
            new ChangeKind<>(DropForeignServerSpec.KIND, DropForeignServerSpec.class, "Drop a foreign server", REPLICATION, true,
                    (drop, world) -> drop.withFacts(world.foreignServer(drop.server(), "server"))),
            new ChangeKind<>(CommentOnSpec.KIND, CommentOnSpec.class, "Comment on an object", DOCUMENTATION, true,
                    (comment, world) -> comment.withPrevious(world.comment(comment.target(), comment.object(), comment.name(),
                            comment.argumentTypes(), comment.namingField()))),
            new ChangeKind<>(ConnectAuditSpec.KIND, ConnectAuditSpec.class, "Connect the audit server", AUDIT, true,
                    (connect, world) -> connect.on(world.target())),
            kind(AuditTableSpec.KIND, AuditTableSpec.class, "Audit a table (or stop auditing)", AUDIT),
            kind(AuditSchemaSpec.KIND, AuditSchemaSpec.class, "Audit new tables of a schema", AUDIT),
            new ChangeKind<>(AdoptDriftSpec.KIND, AdoptDriftSpec.class, "Adopt a drift", DRIFT, false,
                    FactsCompleter.none()),
            new ChangeKind<>(RevertDriftSpec.KIND, RevertDriftSpec.class, "Revert a drift", DRIFT, false,
                    FactsCompleter.none()));

    private static final Map<String, ChangeKind<?>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, ChangeKind<?>> BY_TYPE = new LinkedHashMap<>();

    static {
        for (ChangeKind<?> kind : ALL) {
            if (BY_NAME.put(kind.name(), kind) != null || BY_TYPE.put(kind.specType(), kind) != null) {
                throw new IllegalStateException("change kind registered twice: " + kind.name());
            }
        }
    }

    private ChangeKinds() {
    }

    /** A proposable kind that reads nothing from the world at proposal: the common case. */
    private static <S extends ChangeSpec> ChangeKind<S> kind(String name, Class<S> type, String label, KindGroup group) {
        return new ChangeKind<>(name, type, label, group, true, FactsCompleter.none());
    }

    public static List<ChangeKind<?>> all() {
        return ALL;
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<ChangeKind<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Optional<ChangeKind<?>> ofType(Class<?> specType) {
        return Optional.ofNullable(BY_TYPE.get(specType));
    }

    public static ChangeKind<?> of(ChangeSpec spec) {
        return ofType(spec.getClass()).orElseThrow(() ->
                new IllegalStateException(spec.getClass().getName() + " is not registered in ChangeKinds"));
    }

    /** The spec with what its kind reads from the world filled in. */
    public static ChangeSpec complete(ChangeSpec spec, ProposalFacts world) {
        return of(spec).complete(spec, world);
    }
}
