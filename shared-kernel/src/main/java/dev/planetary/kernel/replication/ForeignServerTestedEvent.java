package dev.planetary.kernel.replication;

import dev.planetary.kernel.target.TargetId;

import java.time.Instant;

/**
 * A foreign server was tested: whether it was reached (connected and its catalog read), in how long, and what the
 * remote side or the wrapper said when it was not (PostgreSQL's message, which names the host and user, never a
 * password).
 */
public record ForeignServerTestedEvent(String testId, TargetId target, String server, String login, String actor, boolean reached,
                                       String message, long millis, Instant at) {

    /** The history's one line. */
    public String summary() {
        return reached ? "Reached foreign server " + server + " as " + login + " in " + millis + " ms"
                : "Could not reach foreign server " + server + " as " + login + ": " + message;
    }
}
