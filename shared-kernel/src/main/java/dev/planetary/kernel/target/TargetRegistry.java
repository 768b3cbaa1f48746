package dev.planetary.kernel.target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets one side of Planetary holds something for (a connection pool, a runner), in the order
 * they are configured. A request that names no target means the home target: the default one where
 * there is one, otherwise the first configured; one that names a target not held here is refused.
 */
public final class TargetRegistry<T> {

    private final Map<TargetId, T> targets;

    public TargetRegistry(Map<TargetId, T> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one target is needed");
        }
        this.targets = new LinkedHashMap<>(targets);
    }

    public List<T> all() {
        return List.copyOf(targets.values());
    }

    /** The named target's; with none named, the home target's. */
    public T get(TargetId id) {
        T target = targets.get(id == null ? homeId() : id);
        if (target == null) {
            throw new UnknownTargetException(id);
        }
        return target;
    }

    public boolean has(TargetId id) {
        return targets.containsKey(id);
    }

    public TargetId homeId() {
        return targets.containsKey(TargetId.DEFAULT) ? TargetId.DEFAULT : targets.keySet().iterator().next();
    }

    public T home() {
        return targets.get(homeId());
    }
}
