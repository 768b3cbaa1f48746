package dev.planetary.command.target;

import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every target the command side changes, each with its own elevated connection pool and plan
 * runner: a dry-run, an apply or a test run on one target never waits for another's server.
 */
public class DdlTargets implements AutoCloseable {

    /** One target: its elevated pool and the runner of its plans. */
    public record DdlTarget(TargetId id, DdlTargetProperties settings, DdlDatabase database, PlanRunner runner) {
    }

    private final TargetRegistry<DdlTarget> targets;
    private final Credentials credentials;

    public DdlTargets(Map<TargetId, DdlTargetProperties> configured, Credentials credentials) {
        this.credentials = credentials;
        Map<TargetId, DdlTarget> opened = new LinkedHashMap<>();
        configured.forEach((id, settings) -> opened.put(id, open(id, settings)));
        targets = new TargetRegistry<>(opened);
    }

    private DdlTarget open(TargetId id, DdlTargetProperties settings) {
        DdlDatabase database = new DdlDatabase(id, settings);
        return new DdlTarget(id, settings, database, new PlanRunner(database, settings, credentials));
    }

    /** Whether configuration names this target (such a target is never registered, nor disabled, at run time). */
    public boolean isConfigured(TargetId id) {
        return targets.isConfigured(id);
    }

    /** Starts working on a target registered at run time (its pool opens lazily); one registered before is replaced. */
    public void register(TargetId id, DdlTargetProperties settings) {
        targets.register(id, settings, DdlTarget::settings, () -> open(id, settings), replaced -> replaced.database().close());
    }

    /** Stops working on a registered target: its pool closes. Configured targets stay. */
    public void disable(TargetId id) {
        targets.disable(id, removed -> removed.database().close());
    }

    /** The registered targets now held (configured ones aside). */
    public Set<TargetId> registered() {
        return targets.registered();
    }

    public List<DdlTarget> all() {
        return targets.all();
    }

    /** The named target; with none named (a request that does not say), the home target. */
    public DdlTarget get(TargetId id) {
        return targets.get(id);
    }

    /** The default target where there is one, otherwise the first configured (as the query side's home target). */
    public DdlTarget home() {
        return targets.home();
    }

    public boolean has(TargetId id) {
        return targets.has(id);
    }

    public PlanRunner runner(TargetId id) {
        return get(id).runner();
    }

    /** Stops whatever runs on any target (at shutdown). */
    public void cancelRunning() {
        targets.all().forEach(target -> target.runner().cancelRunning());
    }

    @Override
    public void close() {
        targets.all().forEach(target -> target.database().close());
    }
}
