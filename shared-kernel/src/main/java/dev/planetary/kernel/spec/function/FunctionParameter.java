package dev.planetary.kernel.spec.function;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.kernel.sql.TypeName;

/**
 * One parameter of a function: an optional name, a mode (IN when omitted), a type and an optional
 * default expression. The rules that depend on the other parameters are checked by
 * {@link CreateFunctionSpec}, which can name the parameter's position ({@code parameters[1].type}).
 */
public record FunctionParameter(Identifier name, ParameterMode mode, TypeName type, SqlFragment defaultValue) {

    public FunctionParameter {
        mode = mode == null ? ParameterMode.IN : mode;
    }
}
