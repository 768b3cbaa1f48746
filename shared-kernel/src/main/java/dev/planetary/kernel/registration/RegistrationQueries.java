package dev.planetary.kernel.registration;

import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Questions about registered targets, answered from the registrations' read model. */
public final class RegistrationQueries {

    private RegistrationQueries() {
    }

    /** The registration once the read model shows its event {@code minVersion}; empty when not within {@code timeout}. */
    public static Optional<TargetRegistrationView> await(QueryGateway queries, TargetId target, long minVersion,
                                                         Duration timeout) {
        SubscriptionQueryResult<TargetRegistrationView, TargetRegistrationView> result = queries.subscriptionQuery(
                new FindTargetRegistrationQuery(target), ResponseTypes.instanceOf(TargetRegistrationView.class),
                ResponseTypes.instanceOf(TargetRegistrationView.class));
        try {
            return Optional.ofNullable(result.initialResult().concatWith(result.updates())
                    .filter(view -> view.version() >= minVersion)
                    .blockFirst(timeout));
        } catch (IllegalStateException timedOut) {
            return Optional.empty();
        } finally {
            result.cancel();
        }
    }

    /** Every registration, newest first, answered with a list of {@link TargetRegistrationView}. */
    @RequiresRight(onHome = true)
    public record FindTargetRegistrationsQuery() {
    }

    /**
     * One registration (answered with its {@link TargetRegistrationView}, null when there is none, and
     * as a subscription with each change to it).
     */
    @RequiresRight(onHome = true)
    public record FindTargetRegistrationQuery(TargetId target) {
    }

    /**
     * The targets registered and in use, answered with {@link RegisteredTargets}: Planetary asks it
     * itself, to open their connections.
     */
    public record FindRegisteredTargetsQuery() {
    }

    /** A registration as the read model has it: in use or not, at its event {@code version}. */
    public record RegisteredTarget(TargetId target, TargetSettings settings, boolean inUse, long version) {
    }

    /** Every registration the read model holds (those in use and those no longer or not yet). */
    public record RegisteredTargets(List<RegisteredTarget> targets) {

        public RegisteredTargets {
            targets = List.copyOf(targets);
        }

        /**
         * Brings a side's targets in step with the read model: each target in use there is registered,
         * and a {@code held} one it says is not (or does not know at all) is disabled, except where this
         * side has heard a newer event of that registration than the read model shows. The read model
         * is projected by a tracking processor and may lag: a target this instance has just heard
         * approved must not be let go because the projection has not caught up with it.
         */
        public void syncInto(RegistrationsHeard heard, BiConsumer<TargetId, TargetSettings> register, Set<TargetId> held,
                             Consumer<TargetId> disable) {
            Map<TargetId, RegisteredTarget> known = new HashMap<>();
            for (RegisteredTarget target : targets) {
                known.put(target.target(), target);
                if (target.inUse() && heard.notNewerThan(target.target(), target.version())) {
                    register.accept(target.target(), target.settings());
                }
            }
            for (TargetId id : held) {
                RegisteredTarget row = known.get(id);
                boolean letGo = row == null ? heard.nothingOf(id) : !row.inUse() && heard.notNewerThan(id, row.version());
                if (letGo) {
                    disable.accept(id);
                }
            }
        }
    }

    /**
     * A registration as people review it: its settings, where it stands, the last connection test
     * (null while the first runs; {@code testing} while one runs), who decided, when and why, and the
     * number of its last event ({@code version}), so a writer can wait to read what it wrote.
     */
    public record TargetRegistrationView(TargetId target, TargetSettings settings, RegistrationStatus status,
                                         String requestedBy, Instant requestedAt, ConnectionTest test, boolean testing,
                                         String decidedBy, Instant decidedAt, String reason, long version) {
    }
}
