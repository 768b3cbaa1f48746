package dev.planetary.kernel.plan;

import java.util.Objects;

/**
 * One SQL statement of a plan. {@code transactional} is false for statements PostgreSQL refuses
 * inside a transaction block (CREATE INDEX CONCURRENTLY, ALTER SYSTEM, VACUUM): the executor runs
 * those as steps of their own.
 */
public record Statement(String sql, boolean transactional) {

    public Statement {
        Objects.requireNonNull(sql, "sql");
    }

    public static Statement of(String sql) {
        return new Statement(sql, true);
    }
}
