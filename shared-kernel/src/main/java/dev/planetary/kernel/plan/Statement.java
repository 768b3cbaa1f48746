package dev.planetary.kernel.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.planetary.kernel.sql.SqlText;

import java.util.Objects;

/**
 * One SQL statement of a plan. {@code transactional} is false for statements PostgreSQL refuses
 * inside a transaction block (CREATE INDEX CONCURRENTLY, ALTER SYSTEM, VACUUM): the executor runs
 * those as steps of their own. {@code credential} names a configured secret: the SQL holds
 * {@link #SECRET} where it goes, and only the executor, at run time, puts the secret there, so
 * it never enters a plan, an event, a page or a log. {@code outside} says how a non-transactional
 * statement is rehearsed, cleaned up after and watched ({@link OutsideTransaction}).
 */
public record Statement(String sql, boolean transactional,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String credential,
                        @JsonInclude(JsonInclude.Include.NON_NULL) OutsideTransaction outside) {

    /** What reviewers see where a secret goes. */
    public static final String SECRET = "'********'";

    public Statement {
        Objects.requireNonNull(sql, "sql");
        // Defence in depth: every part was checked where it came in, but nothing unsendable may run.
        SqlText.requireSendable(sql, "a statement");
        if (credential != null && !sql.contains(SECRET)) {
            throw new IllegalArgumentException("a statement with a credential shows where it goes as " + SECRET);
        }
        if (transactional && outside != null) {
            throw new IllegalArgumentException("only a statement outside a transaction says how it runs there");
        }
        if (!transactional && outside == null) {
            outside = OutsideTransaction.rehearsedAs(null, OutsideTransaction.Progress.NONE);
        }
    }

    public Statement(String sql, boolean transactional, String credential) {
        this(sql, transactional, credential, null);
    }

    public Statement(String sql, boolean transactional) {
        this(sql, transactional, null, null);
    }

    /** A statement PostgreSQL runs only outside a transaction block. */
    public static Statement outsideTransaction(String sql, OutsideTransaction how) {
        return new Statement(sql, false, null, java.util.Objects.requireNonNull(how, "how"));
    }

    public static Statement of(String sql) {
        return new Statement(sql, true);
    }

    public static Statement withCredential(String sql, String credential) {
        return new Statement(sql, true, Objects.requireNonNull(credential, "credential"));
    }
}
