package dev.planetary.kernel.catalog;

import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/**
 * The catalog's questions, one message per part, sent on the query bus by whoever shows the
 * catalog (the UI) and answered by the query side from the target's metadata. A list part answers
 * with a list of its {@link Catalog} record; {@link TableDetailQuery} and {@link RelationOidQuery}
 * with an optional. Each names the target whose catalog it reads (null: the home target) and
 * needs a Planetary right, as the catalog's pages and API do.
 */
public final class CatalogQueries {

    private CatalogQueries() {
    }

    @RequiresRight
    public record SchemasQuery(TargetId target, CatalogScope scope) {
    }

    @RequiresRight
    public record TablesQuery(TargetId target, CatalogScope scope) {
    }

    @RequiresRight
    public record ViewsQuery(TargetId target, CatalogScope scope) {
    }

    @RequiresRight
    public record ColumnsQuery(TargetId target, CatalogScope scope) {
    }

    @RequiresRight
    public record IndexesQuery(TargetId target, CatalogScope scope) {
    }

    @RequiresRight
    public record DependenciesQuery(TargetId target, CatalogScope scope) {
    }

    @RequiresRight
    public record FunctionsQuery(TargetId target, CatalogScope scope) {
    }

    @RequiresRight
    public record PoliciesQuery(TargetId target, CatalogScope scope) {
    }

    @RequiresRight
    public record TriggersQuery(TargetId target, CatalogScope scope) {
    }

    @RequiresRight
    public record PrivilegesQuery(TargetId target, CatalogScope scope) {
    }

    @RequiresRight
    public record RolesQuery(TargetId target) {
    }

    @RequiresRight
    public record MembershipsQuery(TargetId target) {
    }

    @RequiresRight
    public record ExtensionsQuery(TargetId target) {
    }

    /** Everything about one table: answered with an optional {@link Catalog.TableDetail}. */
    @RequiresRight
    public record TableDetailQuery(TargetId target, String schema, String name) {
    }

    /** A table's or view's oid: answered with an optional {@link Long}. */
    @RequiresRight
    public record RelationOidQuery(TargetId target, String schema, String name) {
    }

    /** What a DROP ... CASCADE of the object would take with it ({@code catalog} is e.g. pg_class). */
    @RequiresRight
    public record DropCascadeQuery(TargetId target, String catalog, long objectId) {
    }
}
