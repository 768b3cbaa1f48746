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

/** Answers the catalog's questions ({@code CatalogQueries}) from the named target's introspector, part by part. */
@Component
public class CatalogPartHandlers {

    private final Introspectors introspectors;

    public CatalogPartHandlers(Introspectors introspectors) {
        this.introspectors = introspectors;
    }

    @QueryHandler
    public List<Catalog.Schema> schemas(SchemasQuery query) {
        return introspectors.of(query.target()).relations().schemas(query.scope());
    }

    @QueryHandler
    public List<Catalog.Table> tables(TablesQuery query) {
        return introspectors.of(query.target()).relations().tables(query.scope());
    }

    @QueryHandler
    public List<Catalog.View> views(ViewsQuery query) {
        return introspectors.of(query.target()).relations().views(query.scope());
    }

    @QueryHandler
    public List<Catalog.Column> columns(ColumnsQuery query) {
        return introspectors.of(query.target()).relations().columns(query.scope());
    }

    @QueryHandler
    public List<Catalog.Index> indexes(IndexesQuery query) {
        return introspectors.of(query.target()).relations().indexes(query.scope());
    }

    @QueryHandler
    public List<Catalog.Dependency> dependencies(DependenciesQuery query) {
        return introspectors.of(query.target()).relations().dependencies(query.scope());
    }

    @QueryHandler
    public List<Catalog.Function> functions(FunctionsQuery query) {
        return introspectors.of(query.target()).routines().functions(query.scope());
    }

    @QueryHandler
    public List<Catalog.Policy> policies(PoliciesQuery query) {
        return introspectors.of(query.target()).routines().policies(query.scope());
    }

    @QueryHandler
    public List<Catalog.Trigger> triggers(TriggersQuery query) {
        return introspectors.of(query.target()).routines().triggers(query.scope());
    }

    @QueryHandler
    public List<Catalog.Privilege> privileges(PrivilegesQuery query) {
        return introspectors.of(query.target()).access().privileges(query.scope());
    }

    @QueryHandler
    public List<Catalog.Role> roles(RolesQuery query) {
        return introspectors.of(query.target()).access().roles();
    }

    @QueryHandler
    public List<Catalog.Membership> memberships(MembershipsQuery query) {
        return introspectors.of(query.target()).access().memberships();
    }

    @QueryHandler
    public List<Catalog.Extension> extensions(ExtensionsQuery query) {
        return introspectors.of(query.target()).types().extensions();
    }

    @QueryHandler
    public Optional<Catalog.TableDetail> table(TableDetailQuery query) {
        return introspectors.of(query.target()).table(query.schema(), query.name());
    }

    @QueryHandler
    public Optional<Long> relationOid(RelationOidQuery query) {
        return introspectors.of(query.target()).relationOid(query.schema(), query.name());
    }

    @QueryHandler
    public List<Catalog.Dependent> dropCascade(DropCascadeQuery query) {
        return introspectors.of(query.target()).dropCascade(query.catalog(), query.objectId());
    }
}
