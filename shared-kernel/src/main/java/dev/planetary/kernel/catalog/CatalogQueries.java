package dev.planetary.kernel.catalog;

import dev.planetary.kernel.identity.RequiresRight;

/**
 * The catalog's questions, one message per part, sent on the query bus by whoever shows the
 * catalog (the UI) and answered by the query side from the target's metadata. A list part answers
 * with a list of its {@link Catalog} record; {@link TableDetailQuery} and {@link RelationOidQuery}
 * with an optional. Each needs a Planetary right, as the catalog's pages and API do.
 */
public final class CatalogQueries {

    private CatalogQueries() {
    }

    @RequiresRight
    public record SchemasQuery(CatalogScope scope) {
    }

    @RequiresRight
    public record TablesQuery(CatalogScope scope) {
    }

    @RequiresRight
    public record ViewsQuery(CatalogScope scope) {
    }

    @RequiresRight
    public record ColumnsQuery(CatalogScope scope) {
    }

    @RequiresRight
    public record IndexesQuery(CatalogScope scope) {
    }

    @RequiresRight
    public record DependenciesQuery(CatalogScope scope) {
    }

    @RequiresRight
    public record FunctionsQuery(CatalogScope scope) {
    }

    @RequiresRight
    public record PoliciesQuery(CatalogScope scope) {
    }

    @RequiresRight
    public record TriggersQuery(CatalogScope scope) {
    }

    @RequiresRight
    public record PrivilegesQuery(CatalogScope scope) {
    }

    @RequiresRight
    public record RolesQuery() {
    }

    @RequiresRight
    public record MembershipsQuery() {
    }

    @RequiresRight
    public record ExtensionsQuery() {
    }

    /** Everything about one table: answered with an optional {@link Catalog.TableDetail}. */
    @RequiresRight
    public record TableDetailQuery(String schema, String name) {
    }

    /** A table's or view's oid: answered with an optional {@link Long}. */
    @RequiresRight
    public record RelationOidQuery(String schema, String name) {
    }

    /** What a DROP ... CASCADE of the object would take with it ({@code catalog} is e.g. pg_class). */
    @RequiresRight
    public record DropCascadeQuery(String catalog, long objectId) {
    }
}
