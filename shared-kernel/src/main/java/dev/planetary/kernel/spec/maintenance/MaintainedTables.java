package dev.planetary.kernel.spec.maintenance;

import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.LinkedHashSet;
import java.util.List;

/** The tables a maintenance change runs on: none named means every table of the database the login owns. */
final class MaintainedTables {

    /** More than this is a job for "every table" (and the health page's list of what needs it). */
    static final int MAX = 200;

    private MaintainedTables() {
    }

    static List<QualifiedName> of(List<QualifiedName> tables) {
        List<QualifiedName> named = SpecViolation.noNulls("tables", tables == null ? List.of() : tables);
        if (new LinkedHashSet<>(named).size() != named.size()) {
            throw new SpecViolation("tables", "a table is named twice");
        }
        if (named.size() > MAX) {
            throw new SpecViolation("tables", "at most " + MAX + " tables in one change; name none for every table");
        }
        return List.copyOf(named);
    }

    static String describe(List<QualifiedName> tables) {
        if (tables.isEmpty()) {
            return "every table of the database that Planetary's login owns";
        }
        if (tables.size() <= 3) {
            return String.join(", ", tables.stream().map(QualifiedName::display).toList());
        }
        return tables.get(0).display() + ", " + tables.get(1).display() + " and " + (tables.size() - 2) + " more tables";
    }
}
