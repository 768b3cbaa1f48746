package dev.planetary.kernel.catalog;

import dev.planetary.kernel.plan.ObjectRef;

import java.util.List;

/** The current fingerprints of the objects a change touches, to tell whether they drifted. */
public record FindFingerprintsQuery(List<ObjectRef> objects) {
}
