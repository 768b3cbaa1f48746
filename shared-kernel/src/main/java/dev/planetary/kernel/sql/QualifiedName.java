package dev.planetary.kernel.sql;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/** A schema-qualified object name (table, view, function). Both parts are always quoted. */
public record QualifiedName(Identifier schema, Identifier name) {

    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    @JsonCreator
    public static QualifiedName of(@JsonProperty("schema") String schema, @JsonProperty("name") String name) {
        if (schema == null) {
            throw new IllegalArgumentException("schema is required");
        }
        if (name == null) {
            throw new IllegalArgumentException("name is required");
        }
        return new QualifiedName(Identifier.of(schema), Identifier.of(name));
    }

    public String quoted() {
        return schema.quoted() + "." + name.quoted();
    }

    /** For people: {@code app.invoice}. Never used to build SQL. */
    public String display() {
        return schema.name() + "." + name.name();
    }

    @Override
    public String toString() {
        return display();
    }
}
