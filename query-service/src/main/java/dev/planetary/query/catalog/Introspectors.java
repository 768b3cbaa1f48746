package dev.planetary.query.catalog;

import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.target.MetadataTargets;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** One introspection engine per target, over that target's metadata pool. */
@Component
public class Introspectors {

    private final MetadataTargets targets;
    private final Map<TargetId, Introspector> engines = new HashMap<>();

    public Introspectors(MetadataTargets targets, Clock clock) {
        this.targets = targets;
        targets.all().forEach(target -> engines.put(target.id(), new Introspector(target.database(), clock)));
    }

    /** The engine of the named target; with none named, the home target's. */
    public Introspector of(TargetId target) {
        return engines.get(targets.get(target).id());
    }
}
