package dev.planetary.kernel.catalog;

/**
 * The catalog's questions, one message per part, sent on the query bus by whoever shows the
 * catalog (the UI) and answered by the query side from the target's metadata. A list part answers
 * with a list of its {@link Catalog} record; {@link TableDetailQuery} and {@link RelationOidQuery}
 * with an optional.
 */
public final class CatalogQueries {

    private CatalogQueries() {
    }

    public record SchemasQuery(CatalogScope scope) {
    }

    public record TablesQuery(CatalogScope scope) {
    }

    public record ViewsQuery(CatalogScope scope) {
    }

    public record ColumnsQuery(CatalogScope scope) {
    }

    public record IndexesQuery(CatalogScope scope) {
    }

    public record DependenciesQuery(CatalogScope scope) {
    }

    public record FunctionsQuery(CatalogScope scope) {
    }

    public record PoliciesQuery(CatalogScope scope) {
    }

    public record TriggersQuery(CatalogScope scope) {
    }

    public record PrivilegesQuery(CatalogScope scope) {
    }

    public record RolesQuery() {
    }

    public record MembershipsQuery() {
    }

    public record ExtensionsQuery() {
    }

    /** Everything about one table: answered with an optional {@link Catalog.TableDetail}. */
    public record TableDetailQuery(String schema, String name) {
    }

    /** A table's or view's oid: answered with an optional {@link Long}. */
    public record RelationOidQuery(String schema, String name) {
    }

    /** What a DROP ... CASCADE of the object would take with it ({@code catalog} is e.g. pg_class). */
    public record DropCascadeQuery(String catalog, long objectId) {
    }
}
