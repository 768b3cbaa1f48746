package dev.planetary.kernel.target;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The targets a configuration names: each under {@code planetary.targets.<name>}, and the single
 * target of a set-up from before there were several ({@code planetary.target}) as {@link TargetId#DEFAULT},
 * so that such a set-up keeps working unchanged.
 */
public final class ConfiguredTargets {

    private ConfiguredTargets() {
    }

    /**
     * The targets by name, in the order configured, the single target first; {@code configured} tells
     * whether the single target's settings name a database at all (defaults alone do not make one).
     */
    public static <T> Map<TargetId, T> of(Map<String, T> named, T single, Predicate<T> configured) {
        Map<TargetId, T> targets = new LinkedHashMap<>();
        if (single != null && configured.test(single)) {
            targets.put(TargetId.DEFAULT, single);
        }
        if (named != null) {
            named.forEach((name, settings) -> {
                TargetId id;
                try {
                    id = TargetId.of(name);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("planetary.targets." + name + ": " + e.getMessage(), e);
                }
                if (targets.putIfAbsent(id, settings) != null) {
                    throw new IllegalStateException("planetary.target and planetary.targets.default both configure the "
                            + "default target: keep one");
                }
            });
        }
        if (targets.isEmpty()) {
            throw new IllegalStateException("no target database is configured: set planetary.targets.<name>.url "
                    + "(or planetary.target.url for a single one)");
        }
        return Collections.unmodifiableMap(targets);
    }
}
