package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog.ConstraintKind;
import dev.planetary.kernel.catalog.Catalog.ForeignKeyAction;
import dev.planetary.kernel.catalog.Catalog.Identity;
import dev.planetary.kernel.catalog.Catalog.RelationKind;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;

import java.util.List;

import static dev.planetary.query.catalog.CatalogSql.strings;

/** Schemas, tables, columns, constraints, indexes, views and what views depend on. */
public class RelationIntrospection {

    private final CatalogSql sql;

    public RelationIntrospection(CatalogSql sql) {
        this.sql = sql;
    }

    public List<Catalog.Schema> schemas(CatalogScope scope) {
        return sql.query("schemas", scope, (rs, n) -> new Catalog.Schema(rs.getLong("oid"), rs.getString("name"),
                rs.getString("owner"), rs.getString("comment")));
    }

    public List<Catalog.Table> tables(CatalogScope scope) {
        return sql.query("tables", scope, (rs, n) -> new Catalog.Table(rs.getLong("oid"), rs.getString("schema"),
                rs.getString("name"), relationKind(rs.getString("kind")), rs.getString("owner"), rs.getBoolean("rls_enabled"),
                rs.getBoolean("rls_forced"), rs.getLong("row_estimate"), rs.getLong("total_bytes"), rs.getString("comment")));
    }

    public List<Catalog.Column> columns(CatalogScope scope) {
        return sql.query("columns", scope, (rs, n) -> new Catalog.Column(rs.getLong("relation_oid"), rs.getString("schema"),
                rs.getString("relation"), rs.getInt("position"), rs.getString("name"), rs.getString("type"),
                rs.getBoolean("not_null"), rs.getString("default_expression"), identity(rs.getString("identity")),
                rs.getString("generated_expression"), rs.getString("collation"), rs.getString("comment")));
    }

    public List<Catalog.Constraint> constraints(CatalogScope scope) {
        return sql.query("constraints", scope, (rs, n) -> {
            ConstraintKind kind = constraintKind(rs.getString("kind"));
            boolean foreign = kind == ConstraintKind.FOREIGN_KEY;
            return new Catalog.Constraint(rs.getLong("oid"), rs.getLong("table_oid"), rs.getString("schema"),
                    rs.getString("table"), rs.getString("name"), kind, strings(rs, "columns"),
                    rs.getString("referenced_schema"), rs.getString("referenced_table"), strings(rs, "referenced_columns"),
                    foreign ? action(rs.getString("on_update")) : null, foreign ? action(rs.getString("on_delete")) : null,
                    rs.getBoolean("deferrable"), rs.getBoolean("initially_deferred"), rs.getBoolean("validated"),
                    rs.getString("definition"));
        });
    }

    public List<Catalog.Index> indexes(CatalogScope scope) {
        return sql.query("indexes", scope, (rs, n) -> {
            boolean unique = rs.getBoolean("unique");
            long scans = rs.getLong("scans");
            return new Catalog.Index(rs.getLong("oid"), rs.getLong("table_oid"), rs.getString("schema"),
                    rs.getString("table"), rs.getString("name"), rs.getString("method"), strings(rs, "keys"),
                    rs.getString("predicate"), unique, rs.getBoolean("primary"), rs.getBoolean("valid"),
                    rs.getBoolean("ready"), rs.getLong("size_bytes"), scans,
                    // a unique or exclusion index enforces something even when no query uses it; a
                    // partitioned index is never scanned itself (its partitions' indexes are)
                    scans == 0 && !unique && !rs.getBoolean("exclusion") && !rs.getBoolean("partitioned"),
                    rs.getString("definition"), strings(rs, "key_options"), strings(rs, "include"));
        });
    }

    public List<Catalog.View> views(CatalogScope scope) {
        return sql.query("views", scope, (rs, n) -> new Catalog.View(rs.getLong("oid"), rs.getString("schema"),
                rs.getString("name"), rs.getBoolean("materialized"), rs.getString("owner"), rs.getString("definition"),
                rs.getBoolean("security_invoker"), rs.getBoolean("security_barrier"), rs.getString("comment")));
    }

    public List<Catalog.Dependency> dependencies(CatalogScope scope) {
        return sql.query("dependencies", scope, (rs, n) -> new Catalog.Dependency(
                new Catalog.ObjectName(rs.getLong("dependent_oid"), rs.getString("dependent_kind"),
                        rs.getString("dependent_schema"), rs.getString("dependent_name")),
                new Catalog.ObjectName(rs.getLong("referenced_oid"), rs.getString("referenced_kind"),
                        rs.getString("referenced_schema"), rs.getString("referenced_name"))));
    }

    static RelationKind relationKind(String relkind) {
        return switch (relkind) {
            case "r" -> RelationKind.TABLE;
            case "p" -> RelationKind.PARTITIONED_TABLE;
            case "f" -> RelationKind.FOREIGN_TABLE;
            case "v" -> RelationKind.VIEW;
            case "m" -> RelationKind.MATERIALIZED_VIEW;
            default -> throw new IllegalArgumentException("relkind " + relkind);
        };
    }

    private static Identity identity(String code) {
        return switch (code == null ? "" : code) {
            case "a" -> Identity.ALWAYS;
            case "d" -> Identity.BY_DEFAULT;
            default -> Identity.NONE;
        };
    }

    private static ConstraintKind constraintKind(String contype) {
        return switch (contype) {
            case "p" -> ConstraintKind.PRIMARY_KEY;
            case "f" -> ConstraintKind.FOREIGN_KEY;
            case "u" -> ConstraintKind.UNIQUE;
            case "c" -> ConstraintKind.CHECK;
            case "x" -> ConstraintKind.EXCLUSION;
            case "t" -> ConstraintKind.TRIGGER;
            default -> throw new IllegalArgumentException("contype " + contype);
        };
    }

    private static ForeignKeyAction action(String code) {
        return switch (code) {
            case "r" -> ForeignKeyAction.RESTRICT;
            case "c" -> ForeignKeyAction.CASCADE;
            case "n" -> ForeignKeyAction.SET_NULL;
            case "d" -> ForeignKeyAction.SET_DEFAULT;
            default -> ForeignKeyAction.NO_ACTION;
        };
    }
}
