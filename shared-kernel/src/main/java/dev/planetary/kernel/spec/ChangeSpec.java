package dev.planetary.kernel.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.planetary.kernel.plan.Plan;

/**
 * A typed description of one change to the database layer. Each kind is an immutable record that
 * validates itself on construction and renders to a {@link Plan} in exactly one place.
 * The JSON form carries the kind in a {@code kind} property.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TablePrivilegeSpec.class, name = TablePrivilegeSpec.KIND),
        @JsonSubTypes.Type(value = SchemaPrivilegeSpec.class, name = SchemaPrivilegeSpec.KIND),
        @JsonSubTypes.Type(value = FunctionPrivilegeSpec.class, name = FunctionPrivilegeSpec.KIND),
        @JsonSubTypes.Type(value = RoleMembershipSpec.class, name = RoleMembershipSpec.KIND),
        @JsonSubTypes.Type(value = RowSecuritySpec.class, name = RowSecuritySpec.KIND),
        @JsonSubTypes.Type(value = CreatePolicySpec.class, name = CreatePolicySpec.KIND),
        @JsonSubTypes.Type(value = AlterPolicySpec.class, name = AlterPolicySpec.KIND),
        @JsonSubTypes.Type(value = DropPolicySpec.class, name = DropPolicySpec.KIND),
        @JsonSubTypes.Type(value = CreateTriggerSpec.class, name = CreateTriggerSpec.KIND),
        @JsonSubTypes.Type(value = DropTriggerSpec.class, name = DropTriggerSpec.KIND),
        @JsonSubTypes.Type(value = TriggerEnablementSpec.class, name = TriggerEnablementSpec.KIND),
        @JsonSubTypes.Type(value = ProtectTableSpec.class, name = ProtectTableSpec.KIND),
        @JsonSubTypes.Type(value = UnprotectTableSpec.class, name = UnprotectTableSpec.KIND),
        @JsonSubTypes.Type(value = CreateFunctionSpec.class, name = CreateFunctionSpec.KIND),
        @JsonSubTypes.Type(value = DropFunctionSpec.class, name = DropFunctionSpec.KIND),
        @JsonSubTypes.Type(value = CreateViewSpec.class, name = CreateViewSpec.KIND),
        @JsonSubTypes.Type(value = DropViewSpec.class, name = DropViewSpec.KIND),
        @JsonSubTypes.Type(value = ConnectAuditSpec.class, name = ConnectAuditSpec.KIND),
        @JsonSubTypes.Type(value = AuditTableSpec.class, name = AuditTableSpec.KIND),
        @JsonSubTypes.Type(value = AdoptDriftSpec.class, name = AdoptDriftSpec.KIND),
        @JsonSubTypes.Type(value = AuditSchemaSpec.class, name = AuditSchemaSpec.KIND),
        @JsonSubTypes.Type(value = RevertDriftSpec.class, name = RevertDriftSpec.KIND),
})
public sealed interface ChangeSpec permits TablePrivilegeSpec, SchemaPrivilegeSpec, FunctionPrivilegeSpec,
        RoleMembershipSpec, RowSecuritySpec, CreatePolicySpec, AlterPolicySpec, DropPolicySpec,
        CreateTriggerSpec, DropTriggerSpec, TriggerEnablementSpec, ProtectTableSpec, UnprotectTableSpec,
        CreateFunctionSpec, DropFunctionSpec, CreateViewSpec, DropViewSpec, ConnectAuditSpec, AuditTableSpec,
        AdoptDriftSpec, RevertDriftSpec, AuditSchemaSpec {

    /** The stable name of this kind, as in the JSON {@code kind} property. */
    String kind();

    /** Renders the spec: statements, inverse, touched objects, risk and lint findings. */
    Plan plan();
}
