package dev.planetary.kernel.health;

/**
 * Something to do about an index, with the reason in words and the change that fixes it: {@code fix} is
 * the change kind ({@code drop-index} or {@code reindex}) for the index named by {@code index}.
 * {@code other} names the index that makes this one redundant (duplicate, covered), else null.
 */
public record IndexFinding(Kind kind, IndexUsage index, String other, String reason, String fix) {

    public enum Kind {
        /** Not valid: a failed CREATE INDEX CONCURRENTLY left it; it is maintained on writes but never used. */
        INVALID,
        /** Same method, keys, operator classes, expressions and predicate as another. */
        DUPLICATE,
        /** Its keys are the leading keys of another index with the same method and predicate. */
        COVERED,
        /** No scan since the statistics were reset; it backs no constraint and enforces no uniqueness. */
        UNUSED
    }
}
