package dev.planetary.kernel.spec.function;

import dev.planetary.kernel.spec.Sql;

import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;

import java.util.List;

/**
 * A function named by its identity argument types, as DROP, GRANT and COMMENT ON FUNCTION take it:
 * {@code "app"."total"(integer, text)}. The one place such a signature is rendered.
 */
public record FunctionSignature(QualifiedName name, List<TypeName> argumentTypes) {

    public FunctionSignature {
        argumentTypes = List.copyOf(argumentTypes);
    }

    public String sql() {
        return name.quoted() + arguments();
    }

    /** For people: {@code app.total(integer, text)}. Never used to build SQL. */
    public String display() {
        return name.display() + arguments();
    }

    private String arguments() {
        return "(" + Sql.names(argumentTypes) + ")";
    }
}
