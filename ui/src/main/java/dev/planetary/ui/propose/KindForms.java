package dev.planetary.ui.propose;

import dev.planetary.kernel.spec.ChangeKind;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.audit.AuditSchemaSpec;
import dev.planetary.kernel.spec.audit.AuditTableSpec;
import dev.planetary.kernel.spec.audit.ConnectAuditSpec;
import dev.planetary.kernel.spec.config.AlterSystemSpec;
import dev.planetary.kernel.spec.config.DatabaseSettingSpec;
import dev.planetary.kernel.spec.config.RoleSettingSpec;
import dev.planetary.kernel.spec.documentation.CommentOnSpec;
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
import dev.planetary.ui.propose.audit.AuditSchemaForm;
import dev.planetary.ui.propose.audit.AuditTableForm;
import dev.planetary.ui.propose.audit.ConnectAuditForm;
import dev.planetary.ui.propose.config.AlterSystemForm;
import dev.planetary.ui.propose.config.DatabaseSettingForm;
import dev.planetary.ui.propose.config.RoleSettingForm;
import dev.planetary.ui.propose.documentation.CommentOnForm;
import dev.planetary.ui.propose.function.CreateFunctionForm;
import dev.planetary.ui.propose.function.DropFunctionForm;
import dev.planetary.ui.propose.index.CreateIndexForm;
import dev.planetary.ui.propose.index.DropIndexForm;
import dev.planetary.ui.propose.index.ReindexForm;
import dev.planetary.ui.propose.jobs.AlterJobForm;
import dev.planetary.ui.propose.jobs.ScheduleJobForm;
import dev.planetary.ui.propose.jobs.UnscheduleJobForm;
import dev.planetary.ui.propose.maintenance.AnalyzeForm;
import dev.planetary.ui.propose.maintenance.TableStorageForm;
import dev.planetary.ui.propose.maintenance.VacuumForm;
import dev.planetary.ui.propose.policy.AlterPolicyForm;
import dev.planetary.ui.propose.policy.DropPolicyForm;
import dev.planetary.ui.propose.policy.PolicyForm;
import dev.planetary.ui.propose.policy.RowSecurityForm;
import dev.planetary.ui.propose.privilege.FunctionPrivilegeForm;
import dev.planetary.ui.propose.privilege.RoleMembershipForm;
import dev.planetary.ui.propose.privilege.SchemaPrivilegeForm;
import dev.planetary.ui.propose.privilege.TablePrivilegeForm;
import dev.planetary.ui.propose.protect.ProtectForm;
import dev.planetary.ui.propose.protect.UnprotectForm;
import dev.planetary.ui.propose.replication.AlterPublicationForm;
import dev.planetary.ui.propose.replication.CreatePublicationForm;
import dev.planetary.ui.propose.replication.DropForeignServerForm;
import dev.planetary.ui.propose.replication.DropPublicationForm;
import dev.planetary.ui.propose.replication.DropReplicationSlotForm;
import dev.planetary.ui.propose.trigger.DropTriggerForm;
import dev.planetary.ui.propose.trigger.TriggerEnablementForm;
import dev.planetary.ui.propose.trigger.TriggerForm;
import dev.planetary.ui.propose.view.DropViewForm;
import dev.planetary.ui.propose.view.ViewForm;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Map.entry;

/**
 * The form of each proposable kind, by spec type: the UI's half of a kind's one registry line
 * (names, labels and menu order come from {@link dev.planetary.kernel.spec.ChangeKinds}). A
 * contract test fails for a proposable kind without a form, and loads each kind's example into it.
 */
public final class KindForms {

    private static final Map<Class<? extends ChangeSpec>, Function<CatalogChoices, SpecForm>> FORMS = Map.ofEntries(
            entry(TablePrivilegeSpec.class, TablePrivilegeForm::new),
            entry(SchemaPrivilegeSpec.class, SchemaPrivilegeForm::new),
            entry(FunctionPrivilegeSpec.class, FunctionPrivilegeForm::new),
            entry(RoleMembershipSpec.class, RoleMembershipForm::new),
            entry(RowSecuritySpec.class, RowSecurityForm::new),
            entry(CreatePolicySpec.class, PolicyForm::new),
            entry(AlterPolicySpec.class, AlterPolicyForm::new),
            entry(DropPolicySpec.class, DropPolicyForm::new),
            entry(CreateTriggerSpec.class, TriggerForm::new),
            entry(TriggerEnablementSpec.class, TriggerEnablementForm::new),
            entry(DropTriggerSpec.class, DropTriggerForm::new),
            entry(CreateFunctionSpec.class, CreateFunctionForm::new),
            entry(DropFunctionSpec.class, DropFunctionForm::new),
            entry(CreateViewSpec.class, ViewForm::new),
            entry(DropViewSpec.class, DropViewForm::new),
            entry(ProtectTableSpec.class, ProtectForm::new),
            entry(UnprotectTableSpec.class, UnprotectForm::new),
            entry(CreateIndexSpec.class, CreateIndexForm::new),
            entry(DropIndexSpec.class, DropIndexForm::new),
            entry(ReindexSpec.class, ReindexForm::new),
            entry(VacuumSpec.class, VacuumForm::new),
            entry(AnalyzeSpec.class, AnalyzeForm::new),
            entry(TableStorageSpec.class, TableStorageForm::new),
            entry(AlterSystemSpec.class, AlterSystemForm::new),
            entry(RoleSettingSpec.class, RoleSettingForm::new),
            entry(DatabaseSettingSpec.class, DatabaseSettingForm::new),
            entry(ScheduleJobSpec.class, ScheduleJobForm::new),
            entry(AlterJobSpec.class, AlterJobForm::new),
            entry(UnscheduleJobSpec.class, UnscheduleJobForm::new),
            entry(CreatePublicationSpec.class, CreatePublicationForm::new),
            entry(AlterPublicationSpec.class, AlterPublicationForm::new),
            entry(DropPublicationSpec.class, DropPublicationForm::new),
            entry(DropReplicationSlotSpec.class, DropReplicationSlotForm::new),
            entry(DropForeignServerSpec.class, DropForeignServerForm::new),
            entry(CommentOnSpec.class, CommentOnForm::new),
            entry(ConnectAuditSpec.class, ConnectAuditForm::new),
            entry(AuditTableSpec.class, AuditTableForm::new),
            entry(AuditSchemaSpec.class, AuditSchemaForm::new));

    private KindForms() {
    }

    /** A new form for the kind, empty until loaded or filled in. */
    public static Optional<SpecForm> create(ChangeKind<?> kind, CatalogChoices catalog) {
        return Optional.ofNullable(FORMS.get(kind.specType())).map(factory -> factory.apply(catalog));
    }

    public static boolean has(ChangeKind<?> kind) {
        return FORMS.containsKey(kind.specType());
    }
}
