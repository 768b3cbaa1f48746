package dev.planetary.kernel.change;

/**
 * What PostgreSQL said when a statement failed: SQLSTATE, message, detail, hint, and the position
 * in the statement (1-based, 0 when unknown), plus which statement of the plan it was.
 */
public record SqlError(String sqlState, String message, String detail, String hint, int position, int statementIndex) {

    /**
     * Planetary's own refusal, in a class PostgreSQL does not use: the plan changed parts of the
     * catalog it does not declare (the catalog guard of the dry-run and the apply).
     */
    public static final String UNDECLARED_CHANGE = "PL001";

    /** Planetary could not run the plan at all (no statement was judged): a revision tries again. */
    public static final String NOT_RUN = "PL002";

    public static SqlError of(String sqlState, String message) {
        return new SqlError(sqlState, message, null, null, 0, -1);
    }
}
