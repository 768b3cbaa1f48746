package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogQueries.ColumnsQuery;
import dev.planetary.kernel.catalog.CatalogQueries.DependenciesQuery;
import dev.planetary.kernel.catalog.CatalogQueries.DropCascadeQuery;
import dev.planetary.kernel.catalog.CatalogQueries.ExtensionsQuery;
import dev.planetary.kernel.catalog.CatalogQueries.FunctionsQuery;
import dev.planetary.kernel.catalog.CatalogQueries.IndexesQuery;
import dev.planetary.kernel.catalog.CatalogQueries.MembershipsQuery;
import dev.planetary.kernel.catalog.CatalogQueries.PoliciesQuery;
import dev.planetary.kernel.catalog.CatalogQueries.PrivilegesQuery;
import dev.planetary.kernel.catalog.CatalogQueries.RelationOidQuery;
import dev.planetary.kernel.catalog.CatalogQueries.RolesQuery;
import dev.planetary.kernel.catalog.CatalogQueries.SchemasQuery;
import dev.planetary.kernel.catalog.CatalogQueries.TableDetailQuery;
import dev.planetary.kernel.catalog.CatalogQueries.TablesQuery;
import dev.planetary.kernel.catalog.CatalogQueries.TriggersQuery;
import dev.planetary.kernel.catalog.CatalogQueries.ViewsQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers the catalog's questions ({@code CatalogQueries}) from the introspector, part by part. */
@Component
public class CatalogPartHandlers {

    private final Introspector introspector;

    public CatalogPartHandlers(Introspector introspector) {
        this.introspector = introspector;
    }

    @QueryHandler
    public List<Catalog.Schema> schemas(SchemasQuery query) {
        return introspector.relations().schemas(query.scope());
    }

    @QueryHandler
    public List<Catalog.Table> tables(TablesQuery query) {
        return introspector.relations().tables(query.scope());
    }

    @QueryHandler
    public List<Catalog.View> views(ViewsQuery query) {
        return introspector.relations().views(query.scope());
    }

    @QueryHandler
    public List<Catalog.Column> columns(ColumnsQuery query) {
        return introspector.relations().columns(query.scope());
    }

    @QueryHandler
    public List<Catalog.Index> indexes(IndexesQuery query) {
        return introspector.relations().indexes(query.scope());
    }

    @QueryHandler
    public List<Catalog.Dependency> dependencies(DependenciesQuery query) {
        return introspector.relations().dependencies(query.scope());
    }

    @QueryHandler
    public List<Catalog.Function> functions(FunctionsQuery query) {
        return introspector.routines().functions(query.scope());
    }

    @QueryHandler
    public List<Catalog.Policy> policies(PoliciesQuery query) {
        return introspector.routines().policies(query.scope());
    }

    @QueryHandler
    public List<Catalog.Trigger> triggers(TriggersQuery query) {
        return introspector.routines().triggers(query.scope());
    }

    @QueryHandler
    public List<Catalog.Privilege> privileges(PrivilegesQuery query) {
        return introspector.access().privileges(query.scope());
    }

    @QueryHandler
    public List<Catalog.Role> roles(RolesQuery query) {
        return introspector.access().roles();
    }

    @QueryHandler
    public List<Catalog.Membership> memberships(MembershipsQuery query) {
        return introspector.access().memberships();
    }

    @QueryHandler
    public List<Catalog.Extension> extensions(ExtensionsQuery query) {
        return introspector.types().extensions();
    }

    @QueryHandler
    public Optional<Catalog.TableDetail> table(TableDetailQuery query) {
        return introspector.table(query.schema(), query.name());
    }

    @QueryHandler
    public Optional<Long> relationOid(RelationOidQuery query) {
        return introspector.relationOid(query.schema(), query.name());
    }

    @QueryHandler
    public List<Catalog.Dependent> dropCascade(DropCascadeQuery query) {
        return introspector.dropCascade(query.catalog(), query.objectId());
    }
}
