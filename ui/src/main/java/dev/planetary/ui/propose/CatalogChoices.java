package dev.planetary.ui.propose;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.query.ChangeFilter;
import dev.planetary.kernel.change.query.ChangeList;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangesQuery;
import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.config.Configuration;
import dev.planetary.kernel.config.ConfigurationQuery;
import dev.planetary.kernel.jobs.CronJob;
import dev.planetary.kernel.jobs.Jobs;
import dev.planetary.kernel.replication.Replication;
import dev.planetary.kernel.replication.ReplicationQuery;
import dev.planetary.kernel.jobs.JobsQuery;
import dev.planetary.kernel.policy.PolicyTemplateMessages.FindSavedTemplatesQuery;
import dev.planetary.kernel.policy.PolicyTemplateMessages.SaveTemplateCommand;
import dev.planetary.kernel.policy.SavedPolicyTemplate;
import dev.planetary.kernel.spec.protect.ProtectTableSpec;
import dev.planetary.ui.catalog.CatalogReader;
import dev.planetary.ui.target.CurrentTarget;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What the propose forms offer to pick from: the live catalog, never free text where a name exists. */
@Component
public class CatalogChoices {

    private final CatalogReader catalog;
    private final QueryGateway queries;
    private final CommandGateway commands;

    private final String postgrestRole;

    public CatalogChoices(CatalogReader catalog, QueryGateway queries, CommandGateway commands,
                          @org.springframework.beans.factory.annotation.Value("${planetary.postgrest.role:}") String postgrestRole) {
        this.catalog = catalog;
        this.queries = queries;
        this.commands = commands;
        this.postgrestRole = postgrestRole;
    }

    /**
     * The role PostgREST serves anonymous or JWT requests as ({@code planetary.postgrest.role}),
     * when configured and present: protect forms offer each view to it from the start.
     */
    public Optional<String> postgrestRole() {
        return postgrestRole == null || postgrestRole.isBlank() || !roles().contains(postgrestRole)
                ? Optional.empty() : Optional.of(postgrestRole);
    }

    /** The server parameters of the session's target (pg_settings), for ALTER SYSTEM and per-role defaults. */
    public List<ConfigParameter> parameters() {
        return configuration().parameters();
    }

    /** The name of the session's target database. */
    public String currentDatabase() {
        return configuration().database();
    }

    /** The names of the target's pg_cron jobs (none where pg_cron is missing). */
    public List<String> jobNames() {
        return queries.query(new JobsQuery(CurrentTarget.id()), Jobs.class).join().jobs().stream().map(CronJob::name)
                .filter(java.util.Objects::nonNull).toList();
    }

    /** The names of the target database's publications. */
    public List<String> publications() {
        return replication().publications().stream().map(Replication.Publication::name).toList();
    }

    /** One publication of the target database, with its tables and operations. */
    public Optional<Replication.Publication> publication(String name) {
        return replication().publications().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The replication slots no connection uses: the ones that may be dropped. */
    public List<String> unusedSlots() {
        return replication().slots().stream().filter(slot -> !slot.active()).map(Replication.Slot::name).toList();
    }

    /** The names of the target database's foreign servers. */
    public List<String> foreignServers() {
        return replication().foreignServers().stream().map(Replication.ForeignServer::name).toList();
    }

    private Replication replication() {
        return queries.query(new ReplicationQuery(CurrentTarget.id()), Replication.class).join();
    }

    private Configuration configuration() {
        return queries.query(new ConfigurationQuery(CurrentTarget.id()), Configuration.class).join();
    }

    /** Row-policy templates people saved, after the built-in ones. */
    public List<SavedPolicyTemplate> savedTemplates() {
        return queries.query(new FindSavedTemplatesQuery(), ResponseTypes.multipleInstancesOf(SavedPolicyTemplate.class)).join();
    }

    public void saveTemplate(SavedPolicyTemplate template, String by) {
        commands.sendAndWait(new SaveTemplateCommand(template, by));
    }

    /** Protections that are applied, newest first: what "unprotect" can undo. */
    public List<ChangeView> appliedProtections() {
        return queries.query(new FindChangesQuery(new ChangeFilter(List.of(ChangeStatus.APPLIED), ProtectTableSpec.KIND, null, null,
                null, 200, 0, ChangeFilter.Order.NEWEST, CurrentTarget.id())), ChangeList.class).join().changes();
    }

    public List<String> schemas() {
        return catalog.schemas(CatalogScope.ALL).stream().map(Catalog.Schema::name).toList();
    }

    /** Tables and views of a schema. */
    public List<String> relations(String schema) {
        if (schema == null) {
            return List.of();
        }
        CatalogScope scope = CatalogScope.schema(schema);
        return Stream.concat(catalog.tables(scope).stream().map(Catalog.Table::name),
                catalog.views(scope).stream().map(Catalog.View::name)).sorted().toList();
    }

    public List<String> columns(String schema, String relation) {
        if (schema == null || relation == null) {
            return List.of();
        }
        Optional<Long> oid = catalog.relationOid(schema, relation);
        return oid.map(o -> catalog.columns(CatalogScope.relation(o)).stream().map(Catalog.Column::name).toList())
                .orElse(List.of());
    }

    /** A relation's columns with their types, in order. */
    public List<Catalog.Column> columnDetails(String schema, String relation) {
        return relationOid(schema, relation)
                .map(oid -> catalog.columns(CatalogScope.relation(oid)))
                .orElse(List.of());
    }

    /** What DROP … CASCADE of a relation would also remove. */
    public List<Catalog.Dependent> dropCascade(String schema, String relation) {
        return relationOid(schema, relation).map(oid -> catalog.dropCascade("pg_class", oid)).orElse(List.of());
    }

    /** Roles people grant to: everything but PostgreSQL's own pg_* roles. */
    public List<String> roles() {
        return catalog.roles().stream().filter(r -> !r.builtIn()).map(Catalog.Role::name).toList();
    }

    /** Whom a privilege can go to: PUBLIC, then every role. */
    public List<String> grantees() {
        return Stream.concat(Stream.of("PUBLIC"), roles().stream()).toList();
    }

    /** Functions and procedures, with their signatures. */
    public List<Catalog.Function> functions() {
        return catalog.functions(CatalogScope.ALL);
    }

    /** One function (or procedure) by oid, if it still exists. */
    public Optional<Catalog.Function> function(long oid) {
        return catalog.functions(CatalogScope.function(oid)).stream().findFirst();
    }

    /** What DROP FUNCTION ... CASCADE would also remove. */
    public List<Catalog.Dependent> functionDependents(long oid) {
        return catalog.dropCascade("pg_proc", oid);
    }

    /** Whether an extension (a procedural language such as plpython3u) is installed in the target database. */
    public boolean extensionInstalled(String name) {
        return catalog.extensions().stream().anyMatch(e -> e.name().equals(name) && e.installedVersion() != null);
    }

    public List<String> policies(String schema, String relation) {
        return relationOid(schema, relation).map(oid -> catalog.policies(CatalogScope.relation(oid)).stream()
                .map(Catalog.Policy::name).toList()).orElse(List.of());
    }

    public List<String> triggers(String schema, String relation) {
        return relationOid(schema, relation).map(oid -> catalog.triggers(CatalogScope.relation(oid)).stream()
                .map(Catalog.Trigger::name).toList()).orElse(List.of());
    }

    /** The indexes of a schema, with their tables and definitions. */
    public List<Catalog.Index> indexes(String schema) {
        return schema == null ? List.of() : catalog.indexes(CatalogScope.schema(schema));
    }

    private Optional<Long> relationOid(String schema, String relation) {
        return schema == null || relation == null ? Optional.empty() : catalog.relationOid(schema, relation);
    }

    /** Functions that can be a trigger's: {@code schema.name}, returning trigger, taking no declared arguments. */
    public List<String> triggerFunctions() {
        return catalog.functions(CatalogScope.ALL).stream()
                .filter(f -> "trigger".equals(f.returns()) && f.identityArguments().isEmpty())
                .map(f -> f.schema() + "." + f.name()).toList();
    }
}
