package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.QualifiedName;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code CREATE [OR REPLACE] VIEW v [WITH (security_barrier, security_invoker)] AS SELECT <list> FROM t}:
 * a view over one table. {@code selectList} is the column list as the caller built it from quoted
 * names and masks; the view and the table are quoted here.
 */
public record CreateView(boolean orReplace, QualifiedName name, List<Option> options, String selectList, QualifiedName source) {

    /** View options (PostgreSQL 15): a barrier keeps callers' functions above the view's conditions. */
    public enum Option {
        SECURITY_BARRIER, SECURITY_INVOKER;

        String sql() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CreateView {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public String sql() {
        return (orReplace ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ") + name.quoted()
                + (options.isEmpty() ? "" : " WITH (" + options.stream().map(Option::sql).collect(Collectors.joining(", ")) + ")")
                + " AS SELECT " + selectList + " FROM " + source.quoted();
    }
}
