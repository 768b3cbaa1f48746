package dev.planetary.command.change;

import dev.planetary.command.target.DriverStatements;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.Statement;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.SqlFragment;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses, at proposal, a change whose statements pgjdbc would not send as they are, naming the
 * SQL fragment responsible. The fragment check reads fragments as PostgreSQL does; where the
 * driver's own lexer reads them otherwise (a continued {@code E''} literal), the statement would be
 * split before it reached the server, so it is refused here rather than failing in the dry-run.
 */
final class DriverSplitCheck {

    private DriverSplitCheck() {
    }

    static void require(ChangeSpec spec) {
        Plan plan = spec.plan();
        for (int i = 0; i < plan.statements().size(); i++) {
            Statement statement = plan.statements().get(i);
            if (!DriverStatements.sentAsOne(statement.sql())) {
                throw new SpecViolation(culprit(spec), "the JDBC driver would not send statement " + (i + 1)
                        + " as one statement: it reads this text's quotes differently from PostgreSQL"
                        + " (a string continued on the next line, for one). Write each literal on one line");
            }
        }
    }

    private static String culprit(ChangeSpec spec) {
        return fragments(spec, "").entrySet().stream()
                .filter(fragment -> !DriverStatements.sentAsOne("SELECT " + fragment.getValue().parenthesized()))
                .map(Map.Entry::getKey)
                .findFirst().orElse("spec");
    }

    /** Every SQL fragment in the spec, by its JSON path (policies[0].using). */
    private static Map<String, SqlFragment> fragments(Object value, String path) {
        Map<String, SqlFragment> found = new LinkedHashMap<>();
        if (value instanceof SqlFragment fragment) {
            found.put(path, fragment);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                found.putAll(fragments(list.get(i), path + "[" + i + "]"));
            }
        } else if (value instanceof Record record && record.getClass().getPackageName().startsWith("dev.planetary.kernel")) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    Object child = component.getAccessor().invoke(record);
                    found.putAll(fragments(child, path.isEmpty() ? component.getName() : path + "." + component.getName()));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
                }
            }
        }
        return found;
    }
}
