package dev.planetary.kernel.catalog;

import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.target.TargetId;

import java.util.List;

/** The current fingerprints of the objects a change touches, to tell whether they drifted. */
public record FindFingerprintsQuery(TargetId target, List<ObjectRef> objects) {

    public FindFingerprintsQuery {
        target = TargetId.orDefault(target);
    }
}
