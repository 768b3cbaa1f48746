package dev.planetary.query.target;

import dev.planetary.kernel.target.ConfiguredTargets;
import dev.planetary.kernel.target.TargetId;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** The targets the query side reads: {@code planetary.targets.<name>.*}, and {@code planetary.target.*} as the default one. */
@ConfigurationProperties("planetary")
public record MetadataTargetsProperties(Map<String, MetadataTargetProperties> targets, MetadataTargetProperties target) {

    public Map<TargetId, MetadataTargetProperties> byId() {
        return ConfiguredTargets.of(targets, target, settings -> settings.url() != null);
    }
}
