package dev.planetary.kernel.spec.protect;

import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.view.ViewColumn;

import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One of the views a protected table is reached through, in the table's schema: the columns it
 * shows, the roles that may use it, and the writes it accepts (each through its own trigger and
 * validation function).
 */
public record AccessView(Identifier name, List<ViewColumn> columns, List<Grantee> grantees, List<ViewWrite> writes) {

    public AccessView {
        SpecViolation.required("name", name);
        if (columns == null || columns.isEmpty()) {
            throw new SpecViolation("columns", "a view shows at least one column");
        }
        columns = SpecViolation.noNulls("columns", columns);
        Set<Identifier> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!seen.add(columns.get(i).name())) {
                throw new SpecViolation("columns[" + i + "].name", columns.get(i).name().name() + " is listed twice");
            }
        }
        grantees = grantees == null ? List.of() : SpecViolation.noNulls("grantees", grantees).stream().distinct().toList();
        writes = writes == null ? List.of() : SpecViolation.noNulls("writes", writes);
        Set<TriggerEvent> operations = new HashSet<>();
        for (int i = 0; i < writes.size(); i++) {
            if (!operations.add(writes.get(i).operation())) {
                throw new SpecViolation("writes[" + i + "].operation", writes.get(i).operation() + " is listed twice");
            }
        }
        writes = writes.stream().sorted(java.util.Comparator.comparing(ViewWrite::operation)).toList();
    }

    public boolean accepts(TriggerEvent operation) {
        return writes.stream().anyMatch(w -> w.operation() == operation);
    }
}
