package dev.planetary.query.drift;

import dev.planetary.kernel.drift.DriftDetectedEvent;
import dev.planetary.query.identity.MetadataDatabase;
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

/**
 * Reads the target's DDL log (written by its event triggers, see demo/drift-recorder.sql) every
 * few seconds, and turns every statement no applied change claims into a {@link DriftDetectedEvent}.
 * Planetary's own schema is its infrastructure, not drift. The read position is kept in the control
 * plane, so a restart neither repeats nor skips (the history and mail tolerate a repeat after a crash).
 */
@Component
public class DriftWatcher {

    private static final Logger log = LoggerFactory.getLogger(DriftWatcher.class);
    private static final String TARGET = "target";

    private final MetadataDatabase target;
    private final JdbcClient control;
    private final EventGateway events;
    private volatile boolean recorderMissingLogged;

    public DriftWatcher(MetadataDatabase target, JdbcClient control, EventGateway events) {
        this.target = target;
        this.control = control;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${planetary.drift.poll-every:2s}", initialDelayString = "${planetary.drift.poll-every:2s}")
    public void poll() {
        long last = control.sql("SELECT last_id FROM drift_watermark WHERE target = ?").param(TARGET)
                .query(Long.class).optional().orElse(0L);
        List<DriftDetectedEvent> found;
        long newest;
        try (Connection connection = target.dataSource().getConnection();
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
                    found.add(new DriftDetectedEvent("drift-" + newest, rows.getTimestamp("recorded_at").toInstant(),
                            rows.getString("session_user_name"), rows.getString("command_tag"), rows.getString("object_type"),
                            identity, rows.getString("statement")));
                }
            }
        } catch (SQLException e) {
            if (!recorderMissingLogged) {
                log.info("drift is not watched: the target has no readable planetary.ddl_log ({})", e.getMessage());
                recorderMissingLogged = true;
            }
            return;
        }
        found.forEach(events::publish);
        if (newest > last) {
            control.sql("""
                    INSERT INTO drift_watermark (target, last_id) VALUES (?, ?)
                    ON CONFLICT (target) DO UPDATE SET last_id = EXCLUDED.last_id""").params(TARGET, newest).update();
        }
    }

    private static boolean isPlanetarysOwn(String identity) {
        return identity != null && (identity.equals("planetary") || identity.startsWith("planetary."));
    }
}
