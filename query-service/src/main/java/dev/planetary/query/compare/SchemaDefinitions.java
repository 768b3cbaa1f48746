package dev.planetary.query.compare;

import dev.planetary.kernel.catalog.Catalog;

import java.util.stream.Collectors;

import static dev.planetary.query.compare.Names.identifier;
import static dev.planetary.query.compare.Names.qualified;
import static dev.planetary.query.compare.RelationDefinitions.comment;
import static dev.planetary.query.compare.RelationDefinitions.line;

/** Canonical text of schemas and of user-defined types (enums, composites, domains, ranges). */
final class SchemaDefinitions {

    private SchemaDefinitions() {
    }

    static String schema(Catalog.Schema schema) {
        StringBuilder text = new StringBuilder();
        line(text, "SCHEMA " + identifier(schema.name()));
        line(text, "OWNER " + identifier(schema.owner()));
        comment(text, schema.comment());
        return text.toString();
    }

    static String type(Catalog.Type type) {
        StringBuilder text = new StringBuilder();
        String name = qualified(type.schema(), type.name());
        switch (type.kind()) {
            case ENUM -> line(text, "TYPE " + name + " AS ENUM ("
                    + type.enumValues().stream().map(Names::literal).collect(Collectors.joining(", ")) + ")");
            case COMPOSITE -> line(text, "TYPE " + name + " AS ("
                    + type.fields().stream().map(f -> identifier(f.name()) + " " + f.type()).collect(Collectors.joining(", ")) + ")");
            case RANGE -> line(text, "TYPE " + name + " AS RANGE (SUBTYPE = " + type.subtype() + ")");
            case DOMAIN -> {
                line(text, "DOMAIN " + name + " AS " + type.baseType() + (type.notNull() ? " NOT NULL" : "")
                        + (type.defaultExpression() == null ? "" : " DEFAULT " + type.defaultExpression()));
                type.constraints().forEach(constraint -> line(text, constraint));
            }
        }
        line(text, "OWNER " + identifier(type.owner()));
        comment(text, type.comment());
        return text.toString();
    }
}
