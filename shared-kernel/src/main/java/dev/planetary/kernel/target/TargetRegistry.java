package dev.planetary.kernel.target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The targets one side of Planetary holds something for (a connection pool, a runner): those
 * configured, in the order configured, then those registered at run time, in the order they were
 * added. A request that names no target means the home target: the default one where there is
 * one, otherwise the first configured; one that names a target not held here is refused.
 * <p>
 * Readers never lock: each change publishes a new copy (targets are added and removed rarely, and
 * read on every request).
 */
public final class TargetRegistry<T> {

    private final TargetId home;
    private final Set<TargetId> configured;
    private volatile Map<TargetId, T> targets;

    public TargetRegistry(Map<TargetId, T> configured) {
        if (configured.isEmpty()) {
            throw new IllegalArgumentException("at least one target is needed");
        }
        this.targets = new LinkedHashMap<>(configured);
        this.configured = Set.copyOf(configured.keySet());
        this.home = configured.containsKey(TargetId.DEFAULT) ? TargetId.DEFAULT : configured.keySet().iterator().next();
    }

    public List<T> all() {
        return List.copyOf(targets.values());
    }

    /** The named target's; with none named, the home target's. */
    public T get(TargetId id) {
        T target = targets.get(id == null ? home : id);
        if (target == null) {
            throw new UnknownTargetException(id);
        }
        return target;
    }

    public boolean has(TargetId id) {
        return targets.containsKey(id);
    }

    public TargetId homeId() {
        return home;
    }

    public T home() {
        return targets.get(home);
    }

    /** Whether configuration names this target (such a target is never registered, nor disabled, at run time). */
    public boolean isConfigured(TargetId id) {
        return configured.contains(id);
    }

    /** The targets registered at run time now held, configured ones aside. */
    public Set<TargetId> registered() {
        Set<TargetId> registered = new LinkedHashSet<>(targets.keySet());
        registered.removeAll(configured);
        return registered;
    }

    /**
     * Holds a target registered at run time, made by {@code open}, unless one with equal settings is
     * held already; the one it replaces is closed. Configured targets stay as they are. Answers
     * whether anything changed.
     */
    public synchronized <S> boolean register(TargetId id, S settings, Function<T, S> settingsOf, Supplier<T> open,
                                             Consumer<T> close) {
        T held = targets.get(id);
        if (isConfigured(id) || held != null && settingsOf.apply(held).equals(settings)) {
            return false;
        }
        put(id, open.get()).ifPresent(close);
        return true;
    }

    /** Lets go of a target registered at run time (disabled), closing it. Configured targets stay. */
    public synchronized void disable(TargetId id, Consumer<T> close) {
        if (!isConfigured(id)) {
            remove(id).ifPresent(close);
        }
    }

    /** Adds a target (registered at run time); answers the one it replaces, if any. */
    public synchronized Optional<T> put(TargetId id, T target) {
        Map<TargetId, T> next = new LinkedHashMap<>(targets);
        T previous = next.put(id, target);
        targets = next;
        return Optional.ofNullable(previous);
    }

    /** Takes a target out (disabled); answers it, so its holder can close what it opened. Never the home target. */
    public synchronized Optional<T> remove(TargetId id) {
        if (id.equals(home)) {
            throw new IllegalArgumentException("the home target cannot be taken out: people sign in with it");
        }
        Map<TargetId, T> next = new LinkedHashMap<>(targets);
        T removed = next.remove(id);
        targets = next;
        return Optional.ofNullable(removed);
    }
}
