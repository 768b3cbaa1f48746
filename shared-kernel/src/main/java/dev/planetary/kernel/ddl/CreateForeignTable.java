package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code CREATE FOREIGN TABLE t (column type, ...) SERVER s OPTIONS (...)}: a local table whose rows
 * live on the foreign server. Column names are written as the caller rendered them (the platform's
 * fixed lower-case words bare, as its generated SQL always was). Drop it with {@code Drop.Kind.FOREIGN_TABLE}.
 */
public record CreateForeignTable(QualifiedName name, List<Column> columns, Identifier server, List<FdwOption> options) {

    public record Column(String name, TypeName type) {

        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    public CreateForeignTable {
        columns = List.copyOf(columns);
        options = options == null ? List.of() : List.copyOf(options);
    }

    public String sql() {
        return "CREATE FOREIGN TABLE " + name.quoted() + " ("
                + columns.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "))
                + ") SERVER " + server.quoted() + (options.isEmpty() ? "" : " " + FdwOption.clause(options));
    }
}
