package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;

import java.sql.Timestamp;
import java.util.List;

/** Roles, the membership graph, and privileges as a role × object × privilege matrix. */
public class AccessIntrospection {

    private final CatalogSql sql;

    public AccessIntrospection(CatalogSql sql) {
        this.sql = sql;
    }

    public List<Catalog.Role> roles() {
        return sql.query("roles", CatalogScope.ALL, (rs, n) -> {
            Timestamp validUntil = rs.getTimestamp("valid_until");
            return new Catalog.Role(rs.getLong("oid"), rs.getString("name"), rs.getBoolean("superuser"),
                    rs.getBoolean("inherit"), rs.getBoolean("create_role"), rs.getBoolean("create_db"),
                    rs.getBoolean("login"), rs.getBoolean("replication"), rs.getBoolean("bypass_rls"),
                    rs.getInt("connection_limit"), validUntil == null ? null : validUntil.toInstant(),
                    rs.getBoolean("built_in"), rs.getString("comment"));
        });
    }

    public List<Catalog.Membership> memberships() {
        return sql.query("memberships", CatalogScope.ALL, (rs, n) -> new Catalog.Membership(rs.getString("role"),
                rs.getString("member"), rs.getBoolean("admin_option"), rs.getString("grantor")));
    }

    public List<Catalog.Privilege> privileges(CatalogScope scope) {
        return sql.query("privileges", scope, (rs, n) -> new Catalog.Privilege(
                Catalog.PrivilegeObject.valueOf(rs.getString("object_type")), rs.getLong("object_oid"),
                rs.getString("schema"), rs.getString("object"), rs.getString("column"), rs.getString("grantee"),
                rs.getString("privilege"), rs.getBoolean("grantable"), rs.getString("grantor")));
    }

    public List<Catalog.DefaultPrivilege> defaultPrivileges() {
        return sql.query("default_privileges", CatalogScope.ALL, (rs, n) -> new Catalog.DefaultPrivilege(
                rs.getString("owner"), rs.getString("schema"), rs.getString("object_type"), rs.getString("grantee"),
                rs.getString("privilege"), rs.getBoolean("grantable")));
    }
}
