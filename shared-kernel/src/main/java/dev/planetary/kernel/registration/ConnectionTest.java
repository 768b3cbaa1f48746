package dev.planetary.kernel.registration;

import java.util.List;

/**
 * What Planetary found when it connected to a target being registered, check by check: the target
 * is accepted only when none failed. {@code serverVersion} and the logins' roles are null when the
 * server was not reached.
 */
public record ConnectionTest(List<Check> checks, String serverVersion, String database, long millis) {

    public enum Outcome { PASSED, WARNING, FAILED }

    /** One thing checked, in words a DBA reads: what, how it went, and why when it did not pass. */
    public record Check(String what, Outcome outcome, String detail) {
    }

    public ConnectionTest {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().noneMatch(check -> check.outcome() == Outcome.FAILED);
    }
}
