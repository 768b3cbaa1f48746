package dev.planetary.kernel.spec;

import dev.planetary.kernel.ddl.StorageParameter;

import java.util.Map;

/**
 * A table's storage parameters as the catalog held them when a change to them was proposed (pg_class.reloptions,
 * only those Planetary knows): the inverse sets them back, and resets those that were not set.
 */
public record StorageFacts(Map<StorageParameter, String> options) {

    public StorageFacts {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
