package dev.planetary.query.target;

import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.target.MetadataTargets.MetadataTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a task for each target on a pool of its own, never twice at once for one target: a target
 * whose last run has not ended (a slow or unreachable server) is skipped this round, and holds up
 * no other. Enough workers that targets which do not answer (each holds one for up to the pool's
 * 5 s connection timeout) leave workers for the others.
 */
public final class PerTargetWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PerTargetWorkers.class);
    private static final int MOST = 16;

    private final String what;
    private final ExecutorService workers;
    private final Set<TargetId> running = ConcurrentHashMap.newKeySet();

    /** Up to {@value #MOST} threads, made as targets need them (targets may be registered at run time). */
    public PerTargetWorkers(String what) {
        this.what = what;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MOST, MOST, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "planetary-" + what);
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true); // idle workers go: most rounds need few
        this.workers = pool;
    }

    /** Starts the task for every target not still busy with its last run; answers when each started one ends. */
    public Map<TargetId, CompletableFuture<Void>> forEach(Iterable<MetadataTarget> targets, Consumer<MetadataTarget> task) {
        Map<TargetId, CompletableFuture<Void>> started = new LinkedHashMap<>();
        for (MetadataTarget target : targets) {
            if (running.add(target.id())) {
                started.put(target.id(), CompletableFuture.runAsync(() -> {
                    try {
                        task.accept(target);
                    } catch (RuntimeException e) {
                        log.warn("{} of {} failed: {}", what, target.id(), e.toString());
                    } finally {
                        running.remove(target.id());
                    }
                }, workers));
            }
        }
        return started;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
