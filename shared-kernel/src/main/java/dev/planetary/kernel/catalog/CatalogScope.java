package dev.planetary.kernel.catalog;

import java.util.HashMap;
import java.util.Map;

/**
 * Which part of the catalog a query covers: everything, one schema, one relation, one function,
 * or one object of a system catalog ({@code catalog} names it, e.g. {@code pg_class}); privileges can
 * also be narrowed to one grantee (a role name, or PUBLIC).
 */
public record CatalogScope(String schema, String name, Long relation, Long function, String catalog, Long objectId,
                           String grantee) {

    public static final CatalogScope ALL = new CatalogScope(null, null, null, null, null, null, null);

    public static CatalogScope schema(String schema) {
        return new CatalogScope(schema, null, null, null, null, null, null);
    }

    public static CatalogScope named(String schema, String name) {
        return new CatalogScope(schema, name, null, null, null, null, null);
    }

    public static CatalogScope relation(long oid) {
        return new CatalogScope(null, null, oid, null, null, null, null);
    }

    public static CatalogScope function(long oid) {
        return new CatalogScope(null, null, null, oid, null, null, null);
    }

    public static CatalogScope object(String catalog, long objectId) {
        return new CatalogScope(null, null, null, null, catalog, objectId, null);
    }

    /** The same scope, for the privileges of one grantee only. */
    public CatalogScope grantee(String role) {
        return new CatalogScope(schema, name, relation, function, catalog, objectId, role);
    }

    /** The scope as named parameters of the catalog queries (null: not narrowed). */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("schema", schema);
        parameters.put("name", name);
        parameters.put("relation", relation);
        parameters.put("function", function);
        parameters.put("catalog", catalog);
        parameters.put("objid", objectId);
        parameters.put("grantee", grantee);
        return parameters;
    }
}
