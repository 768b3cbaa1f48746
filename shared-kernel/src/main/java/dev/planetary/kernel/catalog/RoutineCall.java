package dev.planetary.kernel.catalog;

import dev.planetary.kernel.catalog.Catalog.Argument;
import dev.planetary.kernel.catalog.Catalog.ArgumentMode;
import dev.planetary.kernel.catalog.Catalog.RoutineKind;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The statement that calls a catalog routine: written into the job form, where the requester fills it in. */
public final class RoutineCall {

    private RoutineCall() {
    }

    /**
     * A function or procedure called on its own: {@code CALL} for a procedure, {@code SELECT} for a function; each argument without a default by name (or by position) as a typed NULL to fill in,
     * those with a default left out. Aggregates and window functions are not called on their own: empty.
     */
    public static Optional<String> standalone(Catalog.Function function) {
        if (function.kind() == RoutineKind.AGGREGATE || function.kind() == RoutineKind.WINDOW) {
            return Optional.empty();
        }
        List<String> arguments = new ArrayList<>();
        boolean named = function.arguments().stream().filter(RoutineCall::passed).allMatch(a -> a.name() != null && !a.name().isBlank());
        for (Argument argument : function.arguments()) {
            if (!passed(argument) || argument.defaultExpression() != null && named) {
                continue;
            }
            String value = "NULL::" + argument.type();
            arguments.add(named ? Identifier.of(argument.name()).quoted() + " => " + value
                    : (argument.mode() == ArgumentMode.VARIADIC ? "VARIADIC " : "") + value);
        }
        String callee = QualifiedName.of(function.schema(), function.name()).quoted() + "(" + String.join(", ", arguments) + ")";
        return Optional.of((function.kind() == RoutineKind.PROCEDURE ? "CALL " : "SELECT ") + callee);
    }

    private static boolean passed(Argument argument) {
        return argument.mode() == null || argument.mode() == ArgumentMode.IN || argument.mode() == ArgumentMode.INOUT
                || argument.mode() == ArgumentMode.VARIADIC;
    }
}
