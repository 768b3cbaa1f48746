package dev.planetary.command.registration;

import dev.planetary.command.target.DdlTargetProperties;
import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.registration.NamedLogins;
import dev.planetary.kernel.registration.RegistrationEvents.TargetDisabledEvent;
import dev.planetary.kernel.registration.RegistrationEvents.TargetRegisteredEvent;
import dev.planetary.kernel.registration.RegistrationQueries.FindRegisteredTargetsQuery;
import dev.planetary.kernel.registration.RegistrationQueries.RegisteredTargets;
import dev.planetary.kernel.registration.RegistrationsHeard;
import dev.planetary.kernel.registration.TargetSettings;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the command side's targets in step with the registrations: at once when this instance
 * sees a target registered or disabled, and from the registrations' read model when the application
 * is ready and every {@code planetary.targets-refresh} (so a restart, or a registration approved on
 * another instance, is picked up too).
 */
@Component
@ProcessingGroup(RegisteredDdlTargets.GROUP)
public class RegisteredDdlTargets {

    public static final String GROUP = "ddl-target-registry";
    private static final Logger log = LoggerFactory.getLogger(RegisteredDdlTargets.class);

    private final DdlTargets targets;
    private final NamedLogins logins;
    private final QueryGateway queries;
    private final RegistrationsHeard heard = new RegistrationsHeard();

    public RegisteredDdlTargets(DdlTargets targets, Environment environment, QueryGateway queries) {
        this.targets = targets;
        this.logins = new NamedLogins(environment::getProperty);
        this.queries = queries;
    }

    @EventHandler
    void on(TargetRegisteredEvent event, @SequenceNumber long version) {
        heard.heard(event.target(), version);
        register(event.target(), event.settings());
    }

    @EventHandler
    void on(TargetDisabledEvent event, @SequenceNumber long version) {
        heard.heard(event.target(), version);
        targets.disable(event.target());
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${planetary.targets-refresh:PT10S}", initialDelayString = "${planetary.targets-refresh:PT10S}")
    public void refresh() {
        RegisteredTargets registered;
        try {
            registered = queries.query(new FindRegisteredTargetsQuery(), RegisteredTargets.class).join();
        } catch (RuntimeException e) {
            log.warn("the registered targets could not be read: {}", e.toString());
            return;
        }
        registered.syncInto(heard, this::register, targets.registered(), targets::disable);
    }

    private void register(TargetId id, TargetSettings settings) {
        logins.login(settings.ddlLogin()).ifPresentOrElse(
                login -> targets.register(id, new DdlTargetProperties(settings.url(),
                        new DdlTargetProperties.Credentials(login.username(), login.password()), null, null, null, null,
                        settings.environment())),
                () -> log.warn("target {} is registered but its DDL login cannot be used: {}", id,
                        NamedLogins.missing(settings.ddlLogin())));
    }
}
