package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON table USING method (keys) [INCLUDE (...)] [WHERE ...]},
 * rendered here and nowhere else. The index lives in its table's schema (PostgreSQL puts it there).
 */
public record CreateIndex(boolean unique, boolean concurrently, Identifier name, QualifiedName table, IndexMethod method,
                          List<IndexKey> keys, List<Identifier> include, SqlFragment where) {

    public CreateIndex {
        keys = List.copyOf(keys);
        include = include == null ? List.of() : List.copyOf(include);
    }

    public QualifiedName index() {
        return new QualifiedName(table.schema(), name);
    }

    /** The same index built inside a transaction: what a dry-run rehearses. */
    public CreateIndex inTransaction() {
        return new CreateIndex(unique, false, name, table, method, keys, include, where);
    }

    public String sql() {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (unique) {
            sql.append("UNIQUE ");
        }
        sql.append("INDEX ");
        if (concurrently) {
            sql.append("CONCURRENTLY ");
        }
        sql.append(name.quoted()).append(" ON ").append(table.quoted()).append(" USING ").append(method.sql())
                .append(" (").append(keys.stream().map(IndexKey::sql).collect(Collectors.joining(", "))).append(')');
        if (!include.isEmpty()) {
            sql.append(" INCLUDE (").append(include.stream().map(Identifier::quoted).collect(Collectors.joining(", "))).append(')');
        }
        if (where != null) {
            sql.append(" WHERE ").append(where.parenthesized());
        }
        return sql.toString();
    }
}
