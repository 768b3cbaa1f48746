package dev.planetary.ui.catalog;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogQueries;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.target.TargetUnreachableException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The catalog as the views read it: each part is one query message on the query bus
 * ({@link CatalogQueries}), answered by the query side; the views never reach the target themselves.
 */
@Component
public class CatalogReader {

    private final QueryGateway queries;

    public CatalogReader(QueryGateway queries) {
        this.queries = queries;
    }

    public List<Catalog.Schema> schemas(CatalogScope scope) {
        return list(new CatalogQueries.SchemasQuery(CurrentTarget.id(), scope), Catalog.Schema.class);
    }

    public List<Catalog.Table> tables(CatalogScope scope) {
        return list(new CatalogQueries.TablesQuery(CurrentTarget.id(), scope), Catalog.Table.class);
    }

    public List<Catalog.View> views(CatalogScope scope) {
        return list(new CatalogQueries.ViewsQuery(CurrentTarget.id(), scope), Catalog.View.class);
    }

    public List<Catalog.Column> columns(CatalogScope scope) {
        return list(new CatalogQueries.ColumnsQuery(CurrentTarget.id(), scope), Catalog.Column.class);
    }

    public List<Catalog.Index> indexes(CatalogScope scope) {
        return list(new CatalogQueries.IndexesQuery(CurrentTarget.id(), scope), Catalog.Index.class);
    }

    public List<Catalog.Dependency> dependencies(CatalogScope scope) {
        return list(new CatalogQueries.DependenciesQuery(CurrentTarget.id(), scope), Catalog.Dependency.class);
    }

    public List<Catalog.Function> functions(CatalogScope scope) {
        return list(new CatalogQueries.FunctionsQuery(CurrentTarget.id(), scope), Catalog.Function.class);
    }

    public List<Catalog.Policy> policies(CatalogScope scope) {
        return list(new CatalogQueries.PoliciesQuery(CurrentTarget.id(), scope), Catalog.Policy.class);
    }

    public List<Catalog.Trigger> triggers(CatalogScope scope) {
        return list(new CatalogQueries.TriggersQuery(CurrentTarget.id(), scope), Catalog.Trigger.class);
    }

    public List<Catalog.Privilege> privileges(CatalogScope scope) {
        return list(new CatalogQueries.PrivilegesQuery(CurrentTarget.id(), scope), Catalog.Privilege.class);
    }

    public List<Catalog.Role> roles() {
        return list(new CatalogQueries.RolesQuery(CurrentTarget.id()), Catalog.Role.class);
    }

    public List<Catalog.Membership> memberships() {
        return list(new CatalogQueries.MembershipsQuery(CurrentTarget.id()), Catalog.Membership.class);
    }

    public List<Catalog.Extension> extensions() {
        return list(new CatalogQueries.ExtensionsQuery(CurrentTarget.id()), Catalog.Extension.class);
    }

    public Optional<Catalog.TableDetail> table(String schema, String name) {
        return TargetUnreachableException.await(queries.query(new CatalogQueries.TableDetailQuery(CurrentTarget.id(), schema, name),
                ResponseTypes.optionalInstanceOf(Catalog.TableDetail.class)));
    }

    public Optional<Long> relationOid(String schema, String name) {
        return TargetUnreachableException.await(queries.query(new CatalogQueries.RelationOidQuery(CurrentTarget.id(), schema, name),
                ResponseTypes.optionalInstanceOf(Long.class)));
    }

    /** What {@code DROP ... CASCADE} of the object would take with it. */
    public List<Catalog.Dependent> dropCascade(String catalog, long objectId) {
        return list(new CatalogQueries.DropCascadeQuery(CurrentTarget.id(), catalog, objectId), Catalog.Dependent.class);
    }

    private <T> List<T> list(Object query, Class<T> type) {
        return TargetUnreachableException.await(queries.query(query, ResponseTypes.multipleInstancesOf(type)));
    }
}
