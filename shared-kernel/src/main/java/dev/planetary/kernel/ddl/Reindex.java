package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.QualifiedName;

/** {@code REINDEX (INDEX | TABLE) [CONCURRENTLY] name}. */
public record Reindex(Target target, QualifiedName name, boolean concurrently) {

    public enum Target { INDEX, TABLE }

    public Reindex inTransaction() {
        return new Reindex(target, name, false);
    }

    public String sql() {
        return "REINDEX " + target.name() + " " + (concurrently ? "CONCURRENTLY " : "") + name.quoted();
    }
}
