package dev.planetary.kernel.config;

import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/** A target's configuration (null: the home target): answered with a {@link Configuration}. */
@RequiresRight
public record ConfigurationQuery(TargetId target) {
}
