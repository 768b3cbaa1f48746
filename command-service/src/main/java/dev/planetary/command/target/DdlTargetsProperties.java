package dev.planetary.command.target;

import dev.planetary.kernel.target.ConfiguredTargets;
import dev.planetary.kernel.target.TargetId;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** The targets the command side changes: {@code planetary.targets.<name>.*}, and {@code planetary.target.*} as the default one. */
@ConfigurationProperties("planetary")
public record DdlTargetsProperties(Map<String, DdlTargetProperties> targets, DdlTargetProperties target) {

    public Map<TargetId, DdlTargetProperties> byId() {
        return ConfiguredTargets.of(targets, target, settings -> settings.url() != null);
    }
}
