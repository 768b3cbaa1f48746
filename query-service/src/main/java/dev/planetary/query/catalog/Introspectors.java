package dev.planetary.query.catalog;

import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.target.MetadataTargets;
import dev.planetary.query.target.MetadataTargets.MetadataTarget;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One introspection engine per target, over that target's metadata pool, made when the target is
 * first read (targets are registered at run time too); a target registered again gets a new one.
 */
@Component
public class Introspectors {

    private final MetadataTargets targets;
    private final Clock clock;
    private final Map<MetadataTarget, Introspector> engines = new ConcurrentHashMap<>();

    public Introspectors(MetadataTargets targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
    }

    /** The engine of the named target; with none named, the home target's. */
    public Introspector of(TargetId target) {
        MetadataTarget current = targets.get(target);
        Introspector engine = engines.get(current);
        if (engine != null) {
            return engine;
        }
        // A target first read, or registered again: engines over pools no longer held are let go here,
        // off the path of every other read.
        engines.keySet().removeIf(held -> held.id().equals(current.id()) || !targets.has(held.id()));
        return engines.computeIfAbsent(current, held -> new Introspector(held.database(), clock));
    }
}
