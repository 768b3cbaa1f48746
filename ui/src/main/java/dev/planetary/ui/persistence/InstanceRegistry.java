package dev.planetary.ui.persistence;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The instances of Planetary on this control-plane database: each one says it is alive every five
 * seconds once it serves, and takes its row away when it stops cleanly. One not seen for fifteen
 * seconds is gone (killed, or cut off).
 */
@Repository
public class InstanceRegistry {

    private static final Logger log = LoggerFactory.getLogger(InstanceRegistry.class);
    static final Duration GONE_AFTER = Duration.ofSeconds(15);

    /** An instance, as seen in the registry. */
    public record Instance(String id, String host, Instant startedAt, Instant seenAt) {
    }

    private final JdbcTemplate jdbc;
    private final String id = UUID.randomUUID().toString();
    private final String host = ManagementFactory.getRuntimeMXBean().getName();
    /** When it began to serve (not when the JVM started): what the segment balancer's settling counts from. */
    private volatile Instant startedAt;
    private volatile boolean serving;

    public InstanceRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String id() {
        return id;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void serving() {
        startedAt = Instant.now();
        serving = true;
        try {
            jdbc.update("DELETE FROM planetary_instance WHERE seen_at < now() - interval '1 hour'");
        } catch (RuntimeException e) {
            log.warn("could not clear instances gone long ago: {}", e.toString());
        }
        heartbeat();
    }

    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    public void heartbeat() {
        if (!serving) {
            return;
        }
        try {
            jdbc.update("""
                    INSERT INTO planetary_instance (id, host, started_at, seen_at) VALUES (?, ?, ?, now())
                    ON CONFLICT (id) DO UPDATE SET seen_at = now()""", id, host, Timestamp.from(startedAt));
        } catch (RuntimeException e) {
            log.warn("could not say this instance is alive: {}", e.toString());
        }
    }

    /** The instances alive now, this one first when it serves. */
    public List<Instance> alive() {
        return jdbc.query("""
                SELECT id, host, started_at, seen_at FROM planetary_instance
                WHERE seen_at > now() - make_interval(secs => ?) ORDER BY id = ? DESC, started_at""",
                (rs, n) -> new Instance(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()),
                GONE_AFTER.toSeconds(), id);
    }

    @PreDestroy
    void leave() {
        serving = false;
        try {
            jdbc.update("DELETE FROM planetary_instance WHERE id = ?", id);
        } catch (RuntimeException e) {
            log.debug("could not take this instance off the registry: {}", e.toString());
        }
    }
}
