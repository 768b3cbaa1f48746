package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.QualifiedName;

/** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] index [CASCADE]}; PostgreSQL refuses CONCURRENTLY with CASCADE. */
public record DropIndex(QualifiedName index, boolean concurrently, boolean ifExists, boolean cascade) {

    public DropIndex {
        if (concurrently && cascade) {
            throw new IllegalArgumentException("DROP INDEX CONCURRENTLY cannot CASCADE");
        }
    }

    public DropIndex inTransaction() {
        return new DropIndex(index, false, ifExists, cascade);
    }

    public String sql() {
        return "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + (ifExists ? "IF EXISTS " : "") + index.quoted()
                + (cascade ? " CASCADE" : "");
    }
}
