package dev.planetary.query.replication;

import dev.planetary.kernel.replication.Replication;
import dev.planetary.kernel.replication.Replication.Slot;
import dev.planetary.kernel.replication.SlotAtRiskEvent;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.target.MetadataTargets;
import dev.planetary.query.target.MetadataTargets.MetadataTarget;
import dev.planetary.query.target.PerTargetWorkers;
import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches every target's replication slots, each on a worker of its own: a slot that becomes at risk is a
 * {@link SlotAtRiskEvent}, which operators hear of. What was reported is kept in the control plane
 * ({@code slot_watch}) and claimed by inserting it, so several instances report a slot once, and a restart does
 * not repeat it; once the slot is no longer at risk (or is gone) its row goes, and a new episode is reported again.
 */
@Component
public class SlotWatcher {

    private static final Logger log = LoggerFactory.getLogger(SlotWatcher.class);

    private final MetadataTargets targets;
    private final ReplicationReader reader;
    private final JdbcClient control;
    private final EventGateway events;
    private final Clock clock;
    private final PerTargetWorkers workers = new PerTargetWorkers("slot-watcher");
    private final Map<TargetId, Boolean> unwatchableLogged = new ConcurrentHashMap<>();

    public SlotWatcher(MetadataTargets targets, ReplicationReader reader, JdbcClient control, EventGateway events, Clock clock) {
        this.targets = targets;
        this.reader = reader;
        this.control = control;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${planetary.replication.watch-every:60s}", initialDelayString = "${planetary.replication.watch-every:60s}")
    public void watch() {
        workers.forEach(targets.all(), this::watch);
    }

    /** One look at one target's slots. */
    public void watch(MetadataTarget target) {
        TargetId id = target.id();
        Replication replication;
        try {
            replication = reader.read(id);
        } catch (RuntimeException e) {
            if (unwatchableLogged.putIfAbsent(id, true) == null) {
                log.info("the replication slots of {} are not watched: they cannot be read ({})", id, e.getMessage());
            }
            return;
        }
        unwatchableLogged.remove(id);
        List<String> atRisk = replication.slotsAtRisk().stream().map(Slot::name).toList();
        control.sql("DELETE FROM slot_watch WHERE target = ? AND NOT (slot = ANY (?))")
                .params(id.value(), atRisk.toArray(String[]::new)).update();
        Instant now = clock.instant();
        for (Slot slot : replication.slotsAtRisk()) {
            boolean claimed = control.sql("INSERT INTO slot_watch (target, slot, reported_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(id.value(), slot.name(), java.sql.Timestamp.from(now)).update() == 1;
            if (claimed) {
                events.publish(new SlotAtRiskEvent(SlotAtRiskEvent.idOf(id, slot.name(), now), id, slot.name(), slot.risk(),
                        slot.retainedBytes(), now));
            }
        }
    }

    @PreDestroy
    void stop() {
        workers.close();
    }
}
