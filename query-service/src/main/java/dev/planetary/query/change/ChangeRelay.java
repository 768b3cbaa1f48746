package dev.planetary.query.change;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.query.ChangeIdList;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.change.query.WatchChangesQuery;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * Tells every instance on the control-plane database when a change moved. The change projection runs
 * on one instance at a time (it holds the processor's segment), but people wait for their writes and
 * watch pages on every instance: each one's subscribers hear only updates emitted where they are. So
 * the instance that projected a change also sends {@code NOTIFY planetary_changes}, and every other
 * instance, listening on a connection of its own, reads the change and tells its own subscribers.
 */
@Component
public class ChangeRelay implements SmartLifecycle {

    static final String CHANNEL = "planetary_changes";
    private static final Logger log = LoggerFactory.getLogger(ChangeRelay.class);

    private final String instance = UUID.randomUUID().toString();
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ChangeReadModel readModel;
    private final QueryUpdateEmitter updates;
    private volatile boolean running;
    private Thread listener;

    public ChangeRelay(DataSource dataSource, JdbcClient jdbc, ChangeReadModel readModel, QueryUpdateEmitter updates) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.updates = updates;
    }

    /**
     * Tells this instance's subscribers of the change (those waiting to read their write, an open
     * change page) its state, and the screens watching every change its id; reading the change back
     * only when someone waits for it.
     */
    static void emitHere(QueryUpdateEmitter updates, ChangeReadModel readModel, String changeId) {
        boolean watched = updates.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FindChangeQuery query && query.changeId().value().equals(changeId));
        if (watched) {
            readModel.find(ChangeId.of(changeId)).ifPresent(view ->
                    updates.emit(FindChangeQuery.class, query -> query.changeId().value().equals(changeId), view));
        }
        updates.emit(WatchChangesQuery.class, query -> true, new ChangeIdList(List.of(ChangeId.of(changeId))));
    }

    /** After the projection committed a change here: the other instances hear of it. */
    void tellOthers(String changeId) {
        try {
            jdbc.sql("SELECT pg_notify(?, ?)").param(CHANNEL).param(instance + " " + changeId).query().singleRow();
        } catch (RuntimeException e) {
            log.warn("could not tell other instances that change {} moved: {}", changeId, e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "planetary-change-relay");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("LISTEN " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(5_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            relay(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("listening for changes projected elsewhere failed ({}); listening again in a second", e.toString());
                    sleep();
                }
            }
        }
    }

    private void relay(String payload) {
        int space = payload.indexOf(' ');
        if (space > 0 && !payload.substring(0, space).equals(instance)) {
            emitHere(updates, readModel, payload.substring(space + 1));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
