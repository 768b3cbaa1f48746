package dev.planetary.kernel.health;

import dev.planetary.kernel.target.TargetId;

import java.time.Instant;

/**
 * An operator signalled a session of a target: who, why, when, and what the session was doing then
 * (its role, application, state and statement as pg_stat_activity showed them a moment before).
 * {@code delivered} is PostgreSQL's answer: false when the session ended before the signal reached it.
 * It is both the answer to {@link SignalSessionCommand} and the event the history keeps.
 */
public record SessionSignalledEvent(String signalId, TargetId target, String actor, Instant at, SessionSignal signal, int pid,
                               String role, String application, String state, String query, String reason, boolean delivered) {

    /** The history's one line. */
    public String summary() {
        return (delivered ? "" : "Tried: ") + capitalised(signal.verb()) + " session " + pid + " (" + role
                + (application == null || application.isBlank() ? "" : ", " + application) + ", " + state + ")"
                + (delivered ? "" : ", which had already ended") + ". Why: " + reason
                + (query == null || query.isBlank() ? "" : ". It was running: " + query.strip());
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
