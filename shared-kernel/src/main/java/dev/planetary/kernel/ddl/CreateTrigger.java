package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code CREATE TRIGGER name BEFORE | AFTER | INSTEAD OF event [OR ...] ON table FOR EACH ROW | STATEMENT
 * [WHEN (condition)] EXECUTE FUNCTION f(arguments)}. UPDATE names {@code updateColumns} when there are
 * any ({@code UPDATE OF a, b}); events are written in the order given. {@code arguments} are string
 * constants as {@code SqlLiteral} rendered them; the WHEN condition is the requester's fragment.
 * PostgreSQL's rules on the combinations are the caller's to check, where it can name the field.
 */
public record CreateTrigger(Identifier name, Timing timing, List<Event> events, List<Identifier> updateColumns,
                            QualifiedName table, Level level, SqlFragment when, QualifiedName function,
                            List<String> arguments) {

    public enum Timing {
        BEFORE, AFTER, INSTEAD_OF;

        String sql() {
            return name().replace('_', ' ');
        }
    }

    public enum Event { INSERT, UPDATE, DELETE, TRUNCATE }

    public enum Level { ROW, STATEMENT }

    public CreateTrigger {
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a trigger fires on at least one event");
        }
        updateColumns = updateColumns == null ? List.of() : List.copyOf(updateColumns);
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    /** A row trigger without column list, condition or arguments. */
    public static CreateTrigger forEachRow(Identifier name, Timing timing, List<Event> events, QualifiedName table,
                                           QualifiedName function) {
        return new CreateTrigger(name, timing, events, List.of(), table, Level.ROW, null, function, List.of());
    }

    public CreateTrigger withArguments(List<String> arguments) {
        return new CreateTrigger(name, timing, events, updateColumns, table, level, when, function, arguments);
    }

    /** The statement that undoes this one. */
    public DropTrigger inverse() {
        return new DropTrigger(name, table);
    }

    /** The events as the statement names them: {@code INSERT OR UPDATE OF "a" OR DELETE}. */
    public String eventsSql() {
        return events.stream()
                .map(e -> e == Event.UPDATE && !updateColumns.isEmpty()
                        ? "UPDATE OF " + updateColumns.stream().map(Identifier::quoted).collect(Collectors.joining(", "))
                        : e.name())
                .collect(Collectors.joining(" OR "));
    }

    public String sql() {
        return "CREATE TRIGGER " + name.quoted() + " " + timing.sql() + " " + eventsSql() + " ON " + table.quoted()
                + " FOR EACH " + level
                + (when == null ? "" : " WHEN " + when.parenthesized())
                + " EXECUTE FUNCTION " + function.quoted() + "(" + String.join(", ", arguments) + ")";
    }
}
