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

    /**
     * The server could not be reached or went away (SQLSTATE class 08, or the server shutting down or
     * starting up): it says nothing about the statements, and the outcome of a commit in flight is
     * unknown, so the executor waits and tries again, and the ledger tells what committed.
     */
    public boolean meansServerUnreachable() {
        return serverUnreachable(sqlState);
    }

    /** Whether a SQLSTATE says the server could not be reached or went away (see {@link #meansServerUnreachable}). */
    public static boolean serverUnreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[123]"));
    }

    public static SqlError of(String sqlState, String message) {
        return new SqlError(sqlState, message, null, null, 0, -1);
    }
}
