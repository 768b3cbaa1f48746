package dev.planetary.query.target;

import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every target the query side reads, each with its own metadata connection pool: one target's slow
 * or unreachable server holds up only the questions asked of it.
 */
public class MetadataTargets implements AutoCloseable {

    /** One target: how it is configured and its metadata pool. */
    public record MetadataTarget(TargetId id, MetadataTargetProperties settings, MetadataDatabase database) {
    }

    private final TargetRegistry<MetadataTarget> targets;

    public MetadataTargets(Map<TargetId, MetadataTargetProperties> configured) {
        Map<TargetId, MetadataTarget> opened = new LinkedHashMap<>();
        configured.forEach((id, settings) -> opened.put(id, new MetadataTarget(id, settings, new MetadataDatabase(id, settings))));
        targets = new TargetRegistry<>(opened);
    }

    /** Whether configuration names this target (rather than a registration). */
    public boolean isConfigured(TargetId id) {
        return targets.isConfigured(id);
    }

    /**
     * Starts reading a target registered at run time (its pool opens lazily); one registered before
     * with other settings is replaced. Answers whether anything changed.
     */
    public boolean register(TargetId id, MetadataTargetProperties settings) {
        return targets.register(id, settings, MetadataTarget::settings,
                () -> new MetadataTarget(id, settings, new MetadataDatabase(id, settings)), replaced -> replaced.database().close());
    }

    /** Stops reading a registered target (disabled): its pool closes. Configured targets stay. */
    public void disable(TargetId id) {
        targets.disable(id, removed -> removed.database().close());
    }

    /** The registered targets now held (configured ones aside). */
    public Set<TargetId> registered() {
        return targets.registered();
    }

    /** The configured targets in the order they are configured, then the registered ones. */
    public List<MetadataTarget> all() {
        return targets.all();
    }

    /** The named target; with none named (a request that does not say), the home target. */
    public MetadataTarget get(TargetId id) {
        return targets.get(id);
    }

    public boolean has(TargetId id) {
        return targets.has(id);
    }

    public MetadataDatabase database(TargetId id) {
        return get(id).database();
    }

    /**
     * The target people sign in with (their login is a role of its server), whose rights count at
     * sign-in: the default target where there is one, otherwise the first configured.
     */
    public MetadataTarget home() {
        return targets.home();
    }

    @Override
    public void close() {
        targets.all().forEach(target -> target.database().close());
    }
}
