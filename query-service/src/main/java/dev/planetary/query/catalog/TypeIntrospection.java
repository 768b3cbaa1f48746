package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog.TypeKind;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;

import java.util.ArrayList;
import java.util.List;

import static dev.planetary.query.catalog.CatalogSql.nullableLong;
import static dev.planetary.query.catalog.CatalogSql.strings;

/** User-defined types, sequences and extensions. */
public class TypeIntrospection {

    private final CatalogSql sql;

    public TypeIntrospection(CatalogSql sql) {
        this.sql = sql;
    }

    public List<Catalog.Type> types(CatalogScope scope) {
        return sql.query("types", scope, (rs, n) -> {
            List<String> names = strings(rs, "field_names");
            List<String> types = strings(rs, "field_types");
            List<Catalog.Field> fields = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                fields.add(new Catalog.Field(names.get(i), types.get(i)));
            }
            return new Catalog.Type(rs.getLong("oid"), rs.getString("schema"), rs.getString("name"),
                    kind(rs.getString("kind")), rs.getString("owner"), strings(rs, "enum_values"), fields,
                    rs.getString("base_type"), rs.getBoolean("not_null"), rs.getString("default_expression"),
                    strings(rs, "constraints"), rs.getString("subtype"), rs.getString("comment"));
        });
    }

    public List<Catalog.Sequence> sequences(CatalogScope scope) {
        return sql.query("sequences", scope, (rs, n) -> new Catalog.Sequence(rs.getLong("oid"), rs.getString("schema"),
                rs.getString("name"), rs.getString("data_type"), rs.getLong("start"), rs.getLong("increment"),
                rs.getLong("minimum"), rs.getLong("maximum"), rs.getLong("cache"), rs.getBoolean("cycle"),
                nullableLong(rs, "last_value"), rs.getString("owned_by_table"), rs.getString("owned_by_column"),
                rs.getString("owner")));
    }

    public List<Catalog.Extension> extensions() {
        return sql.query("extensions", CatalogScope.ALL, (rs, n) -> new Catalog.Extension(rs.getString("name"),
                rs.getString("installed_version"), rs.getString("default_version"), rs.getString("schema"),
                rs.getString("comment")));
    }

    private static TypeKind kind(String code) {
        return switch (code) {
            case "e" -> TypeKind.ENUM;
            case "c" -> TypeKind.COMPOSITE;
            case "d" -> TypeKind.DOMAIN;
            default -> TypeKind.RANGE;
        };
    }
}
