package dev.planetary.query.target;

import dev.planetary.kernel.registration.NamedLogins;
import dev.planetary.kernel.registration.RegistrationEvents.TargetDisabledEvent;
import dev.planetary.kernel.registration.RegistrationEvents.TargetRegisteredEvent;
import dev.planetary.kernel.registration.RegistrationQueries.RegisteredTargets;
import dev.planetary.kernel.registration.RegistrationsHeard;
import dev.planetary.kernel.registration.TargetSettings;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the query side's targets in step with the registrations: from the read model as soon as
 * this bean is made (before any request is served) and every {@code planetary.targets-refresh} (a
 * registration approved on another instance), and at once when this instance records one.
 */
@Component
@ProcessingGroup(RegisteredMetadataTargets.GROUP)
public class RegisteredMetadataTargets {

    public static final String GROUP = "metadata-target-registry";
    private static final Logger log = LoggerFactory.getLogger(RegisteredMetadataTargets.class);

    private final MetadataTargets targets;
    private final TargetRegistrations registrations;
    private final TargetHealthChecks health;
    private final NamedLogins logins;
    private final RegistrationsHeard heard = new RegistrationsHeard();

    public RegisteredMetadataTargets(MetadataTargets targets, TargetRegistrations registrations, TargetHealthChecks health,
                                     Environment environment) {
        this.targets = targets;
        this.registrations = registrations;
        this.health = health;
        this.logins = new NamedLogins(environment::getProperty);
        refresh();
    }

    @EventHandler
    void on(TargetRegisteredEvent event, @SequenceNumber long version) {
        heard.heard(event.target(), version);
        if (register(event.target(), event.settings())) {
            health.checkRound(); // a new target's health is known at once, not at the next round
        }
    }

    @EventHandler
    void on(TargetDisabledEvent event, @SequenceNumber long version) {
        heard.heard(event.target(), version);
        targets.disable(event.target());
    }

    @Scheduled(fixedDelayString = "${planetary.targets-refresh:PT10S}", initialDelayString = "${planetary.targets-refresh:PT10S}")
    public void refresh() {
        AtomicBoolean added = new AtomicBoolean();
        new RegisteredTargets(registrations.registered()).syncInto(heard, (id, settings) -> {
            if (register(id, settings)) {
                added.set(true);
            }
        }, targets.registered(), targets::disable);
        if (added.get()) {
            health.checkRound(); // one round for all the targets just added
        }
    }

    /** Answers whether the target is new here (or its settings changed). */
    private boolean register(TargetId id, TargetSettings settings) {
        Optional<NamedLogins.Login> login = logins.login(settings.metadataLogin());
        if (login.isEmpty()) {
            log.warn("target {} is registered but its metadata login cannot be used: {}", id,
                    NamedLogins.missing(settings.metadataLogin()));
            return false;
        }
        return targets.register(id, new MetadataTargetProperties(settings.url(),
                new MetadataTargetProperties.Credentials(login.get().username(), login.get().password()), settings.name(),
                settings.environment(), settings.colour()));
    }
}
