package dev.planetary.query.drift;

import dev.planetary.kernel.drift.DriftDetectedEvent;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads each target's DDL log (written by its event triggers, see demo/drift-recorder.sql) every
 * few seconds, and turns every statement no applied change claims into a {@link DriftDetectedEvent}
 * of that target. Planetary's own schema is its infrastructure, not drift. The read position is
 * kept per target in the control plane, so a restart neither repeats nor skips (the history and mail
 * tolerate a repeat after a crash). Each target is read on a worker of its own turn: a slow or
 * unreachable target is skipped while its last read is still running, and holds up no other.
 */
@Component
public class DriftWatcher {

    private static final Logger log = LoggerFactory.getLogger(DriftWatcher.class);

    private final MetadataTargets targets;
    private final JdbcClient control;
    private final EventGateway events;
    private final PerTargetWorkers workers;
    private final Map<TargetId, Boolean> unreadableLogged = new ConcurrentHashMap<>();

    public DriftWatcher(MetadataTargets targets, JdbcClient control, EventGateway events) {
        this.targets = targets;
        this.control = control;
        this.events = events;
        this.workers = new PerTargetWorkers("drift");
    }

    @Scheduled(fixedDelayString = "${planetary.drift.poll-every:2s}", initialDelayString = "${planetary.drift.poll-every:2s}")
    public void poll() {
        workers.forEach(targets.all(), this::poll);
    }

    /** One read of one target's log, from where the last read stopped. */
    void poll(MetadataTarget target) {
        TargetId id = target.id();
        long last = control.sql("SELECT last_id FROM drift_watermark WHERE target = ?").param(id.value())
                .query(Long.class).optional().orElse(0L);
        List<DriftDetectedEvent> found;
        long newest;
        try (Connection connection = target.database().dataSource().getConnection();
             PreparedStatement read = connection.prepareStatement("""
                     SELECT id, recorded_at, session_user_name, command_tag, object_type, object_identity, statement, change_id
                     FROM planetary.ddl_log WHERE id > ? ORDER BY id LIMIT 200""")) {
            read.setLong(1, last);
            found = new ArrayList<>();
            newest = last;
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    newest = rows.getLong("id");
                    String identity = rows.getString("object_identity");
                    if (rows.getString("change_id") != null || isPlanetarysOwn(identity)) {
                        continue;
                    }
                    found.add(new DriftDetectedEvent(DriftDetectedEvent.idOf(id, newest), id,
                            rows.getTimestamp("recorded_at").toInstant(), rows.getString("session_user_name"),
                            rows.getString("command_tag"), rows.getString("object_type"), identity, rows.getString("statement")));
                }
            }
        } catch (SQLException e) {
            if (unreadableLogged.putIfAbsent(id, true) == null) {
                log.info("drift on {} is not watched: it has no readable planetary.ddl_log, or cannot be reached ({})",
                        id, e.getMessage());
            }
            return;
        }
        unreadableLogged.remove(id);
        found.forEach(events::publish);
        if (newest > last) {
            control.sql("""
                    INSERT INTO drift_watermark (target, last_id) VALUES (?, ?)
                    ON CONFLICT (target) DO UPDATE SET last_id = EXCLUDED.last_id""").params(id.value(), newest).update();
        }
    }

    @PreDestroy
    void stop() {
        workers.close();
    }

    private static boolean isPlanetarysOwn(String identity) {
        return identity != null && (identity.equals("planetary") || identity.startsWith("planetary."));
    }
}
