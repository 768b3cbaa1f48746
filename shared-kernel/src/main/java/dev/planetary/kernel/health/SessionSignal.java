package dev.planetary.kernel.health;

/** What an operator may do to a session of the target: cancel its query, or end the session. */
public enum SessionSignal {
    /** {@code pg_cancel_backend}: the running statement fails with "canceling statement due to user request". */
    CANCEL("cancelled the query of", "session-cancelled"),
    /** {@code pg_terminate_backend}: the session ends, rolling back its open transaction. */
    TERMINATE("terminated", "session-terminated");

    private final String verb;
    private final String historyEvent;

    SessionSignal(String verb, String historyEvent) {
        this.verb = verb;
        this.historyEvent = historyEvent;
    }

    /** "cancelled the query of", "terminated": what the history says happened to the session. */
    public String verb() {
        return verb;
    }

    /** The event's name on the history timeline. */
    public String historyEvent() {
        return historyEvent;
    }
}
