package dev.planetary.query.target;

import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.UnknownTargetException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every target the query side reads, each with its own metadata connection pool: one target's slow
 * or unreachable server holds up only the questions asked of it.
 */
public class MetadataTargets implements AutoCloseable {

    /** One target: how it is configured and its metadata pool. */
    public record MetadataTarget(TargetId id, MetadataTargetProperties settings, MetadataDatabase database) {
    }

    private final Map<TargetId, MetadataTarget> targets = new LinkedHashMap<>();

    public MetadataTargets(Map<TargetId, MetadataTargetProperties> configured) {
        configured.forEach((id, settings) -> targets.put(id, new MetadataTarget(id, settings, new MetadataDatabase(id, settings))));
    }

    /** The targets in the order they are configured. */
    public List<MetadataTarget> all() {
        return List.copyOf(targets.values());
    }

    /** The named target; with none named (a request that does not say), the home target. */
    public MetadataTarget get(TargetId id) {
        if (id == null) {
            return home();
        }
        MetadataTarget target = targets.get(id);
        if (target == null) {
            throw new UnknownTargetException(id);
        }
        return target;
    }

    public boolean has(TargetId id) {
        return targets.containsKey(id);
    }

    public MetadataDatabase database(TargetId id) {
        return get(id).database();
    }

    /**
     * The target people sign in with (their login is a role of its server) and whose
     * {@code planetary_*} roles give their rights until rights are read per target: the default
     * target where there is one, otherwise the first configured.
     */
    public MetadataTarget home() {
        MetadataTarget target = targets.get(TargetId.DEFAULT);
        return target != null ? target : targets.values().iterator().next();
    }

    @Override
    public void close() {
        targets.values().forEach(target -> target.database().close());
    }
}
