package dev.planetary.kernel.spec.function;

import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.sql.TypeName;

import java.util.List;

/**
 * What a function returns. {@code type} is for SCALAR and SETOF, {@code columns} for TABLE; the
 * combinations are checked by {@link CreateFunctionSpec}, which can name the field.
 */
public record FunctionReturn(ReturnKind kind, TypeName type, List<FunctionColumn> columns) {

    public FunctionReturn {
        columns = columns == null ? List.of() : SpecViolation.noNulls("returns.columns", columns);
    }

    public static FunctionReturn scalar(TypeName type) {
        return new FunctionReturn(ReturnKind.SCALAR, type, List.of());
    }

    public static FunctionReturn setOf(TypeName type) {
        return new FunctionReturn(ReturnKind.SETOF, type, List.of());
    }

    public static FunctionReturn table(List<FunctionColumn> columns) {
        return new FunctionReturn(ReturnKind.TABLE, null, columns);
    }

    public static FunctionReturn trigger() {
        return new FunctionReturn(ReturnKind.TRIGGER, null, List.of());
    }

    public static FunctionReturn nothing() {
        return new FunctionReturn(ReturnKind.VOID, null, List.of());
    }
}
