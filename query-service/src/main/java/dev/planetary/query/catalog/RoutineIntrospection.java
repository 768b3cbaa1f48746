package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog.ArgumentMode;
import dev.planetary.kernel.catalog.Catalog.RoutineKind;
import dev.planetary.kernel.catalog.Catalog.TriggerEnabled;
import dev.planetary.kernel.catalog.Catalog.Volatility;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.trigger.TriggerLevel;
import dev.planetary.kernel.spec.trigger.TriggerTiming;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.planetary.query.catalog.CatalogSql.strings;

/** Functions and procedures, triggers, event triggers and row-level security policies. */
public class RoutineIntrospection {

    /** pg_get_triggerdef prints the condition as WHEN (...) right before EXECUTE FUNCTION. */
    private static final Pattern WHEN = Pattern.compile(" WHEN \\((.*)\\) EXECUTE (?:FUNCTION|PROCEDURE) ", Pattern.DOTALL);

    private final CatalogSql sql;

    public RoutineIntrospection(CatalogSql sql) {
        this.sql = sql;
    }

    public List<Catalog.Function> functions(CatalogScope scope) {
        return sql.query("functions", scope, (rs, n) -> new Catalog.Function(rs.getLong("oid"), rs.getString("schema"),
                rs.getString("name"), routineKind(rs.getString("kind")), rs.getString("identity_arguments"),
                arguments(strings(rs, "argument_names"), strings(rs, "argument_modes"), strings(rs, "argument_types"),
                        rs.getString("argument_list")),
                rs.getString("returns"), rs.getString("language"), volatility(rs.getString("volatility")),
                rs.getBoolean("security_definer"), rs.getBoolean("strict"), rs.getString("owner"), rs.getString("body"),
                strings(rs, "settings"), rs.getString("comment"), rs.getInt("overloads")));
    }

    public List<Catalog.Trigger> triggers(CatalogScope scope) {
        return sql.query("triggers", scope, (rs, n) -> {
            int bits = rs.getInt("type_bits");
            String definition = rs.getString("definition");
            Matcher when = WHEN.matcher(definition);
            return new Catalog.Trigger(rs.getLong("oid"), rs.getLong("table_oid"), rs.getString("schema"),
                    rs.getString("table"), rs.getString("name"), timing(bits), events(bits), strings(rs, "columns"),
                    (bits & 1) != 0 ? TriggerLevel.ROW : TriggerLevel.STATEMENT, when.find() ? when.group(1) : null,
                    rs.getString("function_schema"), rs.getString("function_name"), enabled(rs.getString("enabled")),
                    rs.getBoolean("is_constraint"), rs.getBoolean("deferrable"), rs.getBoolean("initially_deferred"),
                    definition);
        });
    }

    public List<Catalog.EventTrigger> eventTriggers() {
        return sql.query("event_triggers", CatalogScope.ALL, (rs, n) -> new Catalog.EventTrigger(rs.getLong("oid"),
                rs.getString("name"), rs.getString("event"), strings(rs, "tags"), rs.getString("function_schema"),
                rs.getString("function_name"), enabled(rs.getString("enabled")), rs.getString("owner")));
    }

    public List<Catalog.Policy> policies(CatalogScope scope) {
        return sql.query("policies", scope, (rs, n) -> new Catalog.Policy(rs.getLong("oid"), rs.getLong("table_oid"),
                rs.getString("schema"), rs.getString("table"), rs.getString("name"), command(rs.getString("command")),
                rs.getBoolean("permissive") ? PolicyMode.PERMISSIVE : PolicyMode.RESTRICTIVE, strings(rs, "roles"),
                rs.getString("using_expression"), rs.getString("with_check_expression")));
    }

    /**
     * Names, modes and types come from the catalog arrays; defaults only from the printed argument
     * list, which leaves out TABLE columns, so the two are matched after skipping those.
     */
    static List<Catalog.Argument> arguments(List<String> names, List<String> modes, List<String> types, String printed) {
        List<String> pieces = ArgumentListSplitter.split(printed);
        List<Catalog.Argument> arguments = new ArrayList<>();
        int piece = 0;
        for (int i = 0; i < types.size(); i++) {
            ArgumentMode mode = modes.isEmpty() ? ArgumentMode.IN : mode(modes.get(i));
            String name = i < names.size() && names.get(i) != null && !names.get(i).isEmpty() ? names.get(i) : null;
            String defaultExpression = null;
            if (mode != ArgumentMode.TABLE && piece < pieces.size()) {
                String text = pieces.get(piece++);
                int at = text.indexOf(" DEFAULT ");
                defaultExpression = at < 0 ? null : text.substring(at + " DEFAULT ".length());
            }
            arguments.add(new Catalog.Argument(name, mode, types.get(i), defaultExpression));
        }
        return arguments;
    }

    private static ArgumentMode mode(String code) {
        return switch (code) {
            case "o" -> ArgumentMode.OUT;
            case "b" -> ArgumentMode.INOUT;
            case "v" -> ArgumentMode.VARIADIC;
            case "t" -> ArgumentMode.TABLE;
            default -> ArgumentMode.IN;
        };
    }

    private static RoutineKind routineKind(String code) {
        return switch (code) {
            case "p" -> RoutineKind.PROCEDURE;
            case "a" -> RoutineKind.AGGREGATE;
            case "w" -> RoutineKind.WINDOW;
            default -> RoutineKind.FUNCTION;
        };
    }

    private static Volatility volatility(String code) {
        return switch (code) {
            case "i" -> Volatility.IMMUTABLE;
            case "s" -> Volatility.STABLE;
            default -> Volatility.VOLATILE;
        };
    }

    private static TriggerTiming timing(int bits) {
        if ((bits & 64) != 0) {
            return TriggerTiming.INSTEAD_OF;
        }
        return (bits & 2) != 0 ? TriggerTiming.BEFORE : TriggerTiming.AFTER;
    }

    private static List<TriggerEvent> events(int bits) {
        List<TriggerEvent> events = new ArrayList<>();
        if ((bits & 4) != 0) {
            events.add(TriggerEvent.INSERT);
        }
        if ((bits & 16) != 0) {
            events.add(TriggerEvent.UPDATE);
        }
        if ((bits & 8) != 0) {
            events.add(TriggerEvent.DELETE);
        }
        if ((bits & 32) != 0) {
            events.add(TriggerEvent.TRUNCATE);
        }
        return events;
    }

    static TriggerEnabled enabled(String code) {
        return switch (code) {
            case "A" -> TriggerEnabled.ALWAYS;
            case "R" -> TriggerEnabled.REPLICA;
            case "D" -> TriggerEnabled.DISABLED;
            default -> TriggerEnabled.ORIGIN;
        };
    }

    private static PolicyCommand command(String code) {
        return switch (code) {
            case "r" -> PolicyCommand.SELECT;
            case "a" -> PolicyCommand.INSERT;
            case "w" -> PolicyCommand.UPDATE;
            case "d" -> PolicyCommand.DELETE;
            default -> PolicyCommand.ALL;
        };
    }
}
