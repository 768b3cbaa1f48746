package dev.planetary.kernel.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.planetary.kernel.sql.SqlText;

import java.util.Objects;

/**
 * How the executor runs a statement PostgreSQL refuses inside a transaction block (CREATE INDEX
 * CONCURRENTLY, REINDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, VACUUM, ALTER SYSTEM):
 * <ul>
 *   <li>{@code rehearsal}: its nearest transactional equivalent, which the dry-run runs in its
 *       rolled-back transaction instead (CREATE INDEX without CONCURRENTLY); null when none exists;</li>
 *   <li>{@code index}: the index it builds, quoted ({@code "app"."invoice_status_idx"}): before a
 *       resumed run a valid one means the step already finished, and after a failure an INVALID one
 *       (or REINDEX's {@code _ccnew} copies) is dropped;</li>
 *   <li>{@code progress}: the {@code pg_stat_progress_*} view that reports on it while it runs;</li>
 *   <li>{@code setting}: for ALTER SYSTEM, the parameter whose new value the executor puts in force with
 *       {@code pg_reload_conf()} and then checks in a new session ({@link SettingCheck}).</li>
 * </ul>
 */
public record OutsideTransaction(@JsonInclude(JsonInclude.Include.NON_NULL) String rehearsal,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String index,
                                 Leftover leftover,
                                 Progress progress,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) SettingCheck setting) {

    /** What a failed or interrupted run can leave behind, for the executor to drop. */
    public enum Leftover {
        NONE,
        /** CREATE INDEX CONCURRENTLY leaves the index INVALID. */
        INVALID_INDEX,
        /** REINDEX CONCURRENTLY leaves INVALID copies named {@code <index>_ccnew[N]}. */
        REINDEX_COPIES
    }

    /** Which progress view reports on the statement (PostgreSQL 12+). */
    public enum Progress {
        NONE, CREATE_INDEX, VACUUM, CLUSTER
    }

    public OutsideTransaction {
        if (rehearsal != null) {
            SqlText.requireSendable(rehearsal, "a rehearsal");
        }
        leftover = leftover == null ? Leftover.NONE : leftover;
        progress = progress == null ? Progress.NONE : progress;
        if (leftover != Leftover.NONE) {
            Objects.requireNonNull(index, "the index whose leftovers are dropped");
        }
    }

    /** CREATE INDEX CONCURRENTLY: rehearsed without CONCURRENTLY, an INVALID index left behind is dropped. */
    public static OutsideTransaction buildsIndex(String rehearsal, String quotedIndex) {
        return new OutsideTransaction(rehearsal, quotedIndex, Leftover.INVALID_INDEX, Progress.CREATE_INDEX, null);
    }

    /** REINDEX ... CONCURRENTLY: rehearsed without CONCURRENTLY, its INVALID copies are dropped. */
    public static OutsideTransaction rebuildsIndex(String rehearsal, String quotedIndex) {
        return new OutsideTransaction(rehearsal, quotedIndex, Leftover.REINDEX_COPIES, Progress.CREATE_INDEX, null);
    }

    /** A statement with nothing to clean up, rehearsed as {@code rehearsal} (or not at all when null). */
    public static OutsideTransaction rehearsedAs(String rehearsal, Progress progress) {
        return new OutsideTransaction(rehearsal, null, Leftover.NONE, progress, null);
    }

    /** ALTER SYSTEM: rehearsed as {@code rehearsal} (a check of the login's rights), then reloaded and checked. */
    public static OutsideTransaction setsParameter(String rehearsal, SettingCheck setting) {
        return new OutsideTransaction(rehearsal, null, Leftover.NONE, Progress.NONE, Objects.requireNonNull(setting, "setting"));
    }
}
