package dev.planetary.query.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.kernel.registration.ConnectionTest;
import dev.planetary.kernel.registration.RegistrationEvents.TargetConnectionTestRequestedEvent;
import dev.planetary.kernel.registration.RegistrationEvents.TargetConnectionTestedEvent;
import dev.planetary.kernel.registration.RegistrationEvents.TargetDisabledEvent;
import dev.planetary.kernel.registration.RegistrationEvents.TargetRegisteredEvent;
import dev.planetary.kernel.registration.RegistrationEvents.TargetRegistrationRejectedEvent;
import dev.planetary.kernel.registration.RegistrationEvents.TargetRegistrationRequestedEvent;
import dev.planetary.kernel.registration.RegistrationQueries.FindRegisteredTargetsQuery;
import dev.planetary.kernel.registration.RegistrationQueries.FindTargetRegistrationQuery;
import dev.planetary.kernel.registration.RegistrationQueries.FindTargetRegistrationsQuery;
import dev.planetary.kernel.registration.RegistrationQueries.RegisteredTarget;
import dev.planetary.kernel.registration.RegistrationQueries.RegisteredTargets;
import dev.planetary.kernel.registration.RegistrationQueries.TargetRegistrationView;
import dev.planetary.kernel.registration.RegistrationStatus;
import dev.planetary.kernel.registration.TargetSettings;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The registrations' read model ({@code target_registration}) and the questions it answers. */
@Component
@ProcessingGroup(TargetRegistrations.GROUP)
public class TargetRegistrations {

    public static final String GROUP = "target-registrations";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final QueryUpdateEmitter updates;

    public TargetRegistrations(JdbcClient jdbc, ObjectMapper json, QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.json = json;
        this.updates = updates;
    }

    @EventHandler
    void on(TargetRegistrationRequestedEvent event, @SequenceNumber long version) {
        TargetSettings settings = event.settings();
        jdbc.sql("""
                INSERT INTO target_registration (target, name, environment, url, metadata_login, ddl_login, colour, status,
                                                 requested_by, requested_at, connection_test, testing, decided_by, decided_at,
                                                 reason, version)
                VALUES (:target, :name, :environment, :url, :metadata, :ddl, :colour, 'REQUESTED', :by, :at, NULL, true,
                        NULL, NULL, NULL, :version)
                ON CONFLICT (target) DO UPDATE SET name = excluded.name, environment = excluded.environment, url = excluded.url,
                    metadata_login = excluded.metadata_login, ddl_login = excluded.ddl_login, colour = excluded.colour,
                    status = 'REQUESTED', requested_by = excluded.requested_by, requested_at = excluded.requested_at,
                    connection_test = NULL, testing = true, decided_by = NULL, decided_at = NULL, reason = NULL,
                    version = excluded.version""")
                .param("target", event.target().value()).param("name", settings.name())
                .param("environment", settings.environment()).param("url", settings.url())
                .param("metadata", settings.metadataLogin()).param("ddl", settings.ddlLogin())
                .param("colour", settings.colour()).param("by", event.requestedBy())
                .param("at", Timestamp.from(event.at())).param("version", version).update();
        emit(event.target());
    }

    @EventHandler
    void on(TargetConnectionTestRequestedEvent event, @SequenceNumber long version) {
        update(event.target(), "testing = true", version, null);
    }

    @EventHandler
    void on(TargetConnectionTestedEvent event, @SequenceNumber long version) {
        update(event.target(), "testing = false, connection_test = CAST(:extra AS jsonb)", version, write(event.test()));
    }

    @EventHandler
    void on(TargetRegisteredEvent event, @SequenceNumber long version) {
        decided(event.target(), RegistrationStatus.REGISTERED, event.approvedBy(), event.at(), event.comment(), version);
    }

    @EventHandler
    void on(TargetRegistrationRejectedEvent event, @SequenceNumber long version) {
        decided(event.target(), RegistrationStatus.REJECTED, event.rejectedBy(), event.at(), event.reason(), version);
    }

    @EventHandler
    void on(TargetDisabledEvent event, @SequenceNumber long version) {
        decided(event.target(), RegistrationStatus.DISABLED, event.disabledBy(), event.at(), event.reason(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM target_registration").update();
    }

    @QueryHandler
    public List<TargetRegistrationView> handle(FindTargetRegistrationsQuery query) {
        return jdbc.sql("SELECT * FROM target_registration ORDER BY requested_at DESC").query((rs, n) -> map(rs)).list();
    }

    @QueryHandler
    public TargetRegistrationView handle(FindTargetRegistrationQuery query) {
        return find(query.target()).orElse(null);
    }

    @QueryHandler
    RegisteredTargets handle(FindRegisteredTargetsQuery query) {
        return new RegisteredTargets(registered());
    }

    /** Every registration, in use or not, in the order they were asked for. */
    public List<RegisteredTarget> registered() {
        return jdbc.sql("SELECT * FROM target_registration ORDER BY requested_at")
                .query((rs, n) -> map(rs)).list().stream()
                .map(view -> new RegisteredTarget(view.target(), view.settings(), view.status() == RegistrationStatus.REGISTERED,
                        view.version())).toList();
    }

    private Optional<TargetRegistrationView> find(TargetId target) {
        return jdbc.sql("SELECT * FROM target_registration WHERE target = ?").param(target.value())
                .query((rs, n) -> map(rs)).optional();
    }

    private void decided(TargetId target, RegistrationStatus status, String by, Instant at, String reason, long version) {
        jdbc.sql("UPDATE target_registration SET status = :status, decided_by = :by, decided_at = :at, reason = :reason,"
                        + " version = :version WHERE target = :target")
                .param("status", status.name()).param("by", by).param("at", Timestamp.from(at)).param("reason", reason)
                .param("version", version).param("target", target.value()).update();
        emit(target);
    }

    private void update(TargetId target, String set, long version, String extra) {
        jdbc.sql("UPDATE target_registration SET " + set + ", version = :version WHERE target = :target")
                .param("version", version).param("target", target.value()).param("extra", extra).update();
        emit(target);
    }

    private void emit(TargetId target) {
        find(target).ifPresent(view -> updates.emit(FindTargetRegistrationQuery.class,
                query -> query.target().equals(target), view));
    }

    private TargetRegistrationView map(ResultSet rs) throws SQLException {
        TargetSettings settings = new TargetSettings(rs.getString("name"), rs.getString("environment"), rs.getString("url"),
                rs.getString("metadata_login"), rs.getString("ddl_login"), rs.getString("colour"));
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new TargetRegistrationView(TargetId.of(rs.getString("target")), settings,
                RegistrationStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), read(rs.getString("connection_test")), rs.getBoolean("testing"),
                rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(), rs.getString("reason"),
                rs.getLong("version"));
    }

    private String write(ConnectionTest test) {
        try {
            return json.writeValueAsString(test);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a connection test could not be written", e);
        }
    }

    private ConnectionTest read(String text) {
        try {
            return text == null ? null : json.readValue(text, ConnectionTest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a connection test could not be read", e);
        }
    }
}
