package dev.planetary.kernel.catalog;

import dev.planetary.kernel.catalog.Catalog.Argument;
import dev.planetary.kernel.catalog.Catalog.ArgumentMode;
import dev.planetary.kernel.catalog.Catalog.RoutineKind;
import dev.planetary.kernel.catalog.Catalog.Volatility;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The statement that calls a catalog routine on its own (written into the job form). */
class RoutineCallTest {

    private static Catalog.Function routine(String schema, String name, RoutineKind kind, Argument... arguments) {
        return new Catalog.Function(1, schema, name, kind, "", List.of(arguments), "void", "plpgsql", Volatility.VOLATILE,
                false, false, "app_owner", "BEGIN END", List.of(), null, 1);
    }

    @Test
    void a_procedure_is_called_with_typed_nulls_to_fill_in_by_name_and_defaults_left_out() {
        assertThat(RoutineCall.standalone(routine("app", "purge_sessions", RoutineKind.PROCEDURE,
                new Argument("older_than", ArgumentMode.IN, "interval", null),
                new Argument("dry_run", ArgumentMode.IN, "boolean", "false"))))
                .contains("CALL \"app\".\"purge_sessions\"(\"older_than\" => NULL::interval)");
    }

    @Test
    void a_function_is_selected_with_hostile_names_quoted_and_unnamed_arguments_by_position() {
        assertThat(RoutineCall.standalone(routine("App Ops", "Close\"Day", RoutineKind.FUNCTION,
                new Argument(null, ArgumentMode.IN, "date", null), new Argument(null, ArgumentMode.OUT, "bigint", null),
                new Argument(null, ArgumentMode.VARIADIC, "text[]", null))))
                .contains("SELECT \"App Ops\".\"Close\"\"Day\"(NULL::date, VARIADIC NULL::text[])");
    }

    @Test
    void aggregates_are_not_offered() {
        assertThat(RoutineCall.standalone(routine("app", "total", RoutineKind.AGGREGATE))).isEmpty();
    }
}
