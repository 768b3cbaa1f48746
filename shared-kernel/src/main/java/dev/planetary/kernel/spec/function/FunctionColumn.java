package dev.planetary.kernel.spec.function;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.TypeName;

/** One column of RETURNS TABLE (...). Checked by {@link CreateFunctionSpec}, which can name its position. */
public record FunctionColumn(Identifier name, TypeName type) {
}
