package dev.planetary.kernel.registration;

import dev.planetary.kernel.target.TargetId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest event of each target's registration one side has heard (its sequence number): what
 * keeps a lagging read model from undoing it (see {@link RegistrationQueries.RegisteredTargets#syncInto}).
 */
public final class RegistrationsHeard {

    private final Map<TargetId, Long> versions = new ConcurrentHashMap<>();

    public void heard(TargetId target, long version) {
        versions.merge(target, version, Math::max);
    }

    /** Whether a state at {@code version} is at least as new as anything heard of this target. */
    public boolean notNewerThan(TargetId target, long version) {
        Long newest = versions.get(target);
        return newest == null || version >= newest;
    }

    public boolean nothingOf(TargetId target) {
        return !versions.containsKey(target);
    }
}
