package dev.planetary.kernel.replication;

import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/** A target's logical replication and foreign servers: answered with {@link Replication}. */
@RequiresRight
public record ReplicationQuery(TargetId target) {
}
