package dev.planetary.ui.review;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells open screens that changes moved, so the review queue updates by itself (server push). A
 * subscribing processor (application.yml): it sees events as they are published, and the
 * listeners are called a moment later, once the read model has caught up; bursts are coalesced.
 */
@Component
@ProcessingGroup(ChangeFeed.GROUP)
@DisallowReplay
public class ChangeFeed {

    public static final String GROUP = "ui-feed";

    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "planetary-ui-feed");
        thread.setDaemon(true);
        return thread;
    });

    /** Returns what to call to stop listening (on detach). */
    public Runnable listen(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventHandler
    void on(Object changeEvent) {
        if (pending.compareAndSet(false, true)) {
            timer.schedule(() -> {
                pending.set(false);
                listeners.forEach(Runnable::run);
            }, 400, TimeUnit.MILLISECONDS);
        }
    }
}
