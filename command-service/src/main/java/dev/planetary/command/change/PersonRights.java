package dev.planetary.command.change;

import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetQueries.FindTargetRightsQuery;
import dev.planetary.kernel.target.TargetQueries.TargetRights;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Checks every message marked {@link RequiresRight} as it is sent on the command or query bus,
 * whoever sends it (a view, the API, a test): the sender must be signed in and hold one of its
 * rights, and its {@link ActsFor} component must name the signed-in person. A message Planetary
 * sends itself (a dry-run's outcome, an apply's steps) is not marked and passes. This runs on the
 * sender's thread, where Spring Security keeps who is signed in.
 * <p>
 * Rights are per target: a message about another target than the home one (it names the target, or
 * the change it names belongs to it) needs the right on that target (on each, for a message naming two), read there from the person's
 * membership in its {@code planetary_*} roles and remembered for {@link #REMEMBER_RIGHTS}. On the home
 * target, the rights read at sign-in count.
 */
@Component
public class PersonRights {

    static final Duration REMEMBER_RIGHTS = Duration.ofSeconds(30);

    private final QueryBus queryBus;
    private final TargetId home;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Set<PlanetaryRight> rights, long until) {
    }

    public PersonRights(CommandBus commandBus, QueryBus queryBus, DdlTargets targets) {
        this.queryBus = queryBus;
        this.home = targets.home().id();
        commandBus.registerDispatchInterceptor(new Check<CommandMessage<?>>());
        queryBus.registerDispatchInterceptor(new Check<QueryMessage<?, ?>>());
    }

    private final class Check<M extends Message<?>> implements MessageDispatchInterceptor<M> {
        @Override
        public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
            return (index, message) -> {
                RequiresRight required = message.getPayloadType().getAnnotation(RequiresRight.class);
                if (required != null) {
                    Authentication signedIn = require(required, message.getPayload());
                    if (!required.signedIn() && !required.onHome()) {
                        targetsOf(message.getPayload()).stream().filter(target -> !target.equals(home))
                                .forEach(target -> requireOn(target, required, signedIn));
                    }
                }
                return message;
            };
        }
    }

    /** Checks the message against the rights read at sign-in (the home target's); answers who is signed in. */
    static Authentication require(RequiresRight required, Object payload) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("sign in first");
        }
        actingFor(payload).filter(person -> !person.equals(signedIn.getName())).ifPresent(person -> {
            throw new AccessDeniedException(signedIn.getName() + " cannot act for " + person);
        });
        if (required.signedIn()) {
            return signedIn;
        }
        Set<String> held = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        Set<PlanetaryRight> rights = EnumSet.noneOf(PlanetaryRight.class);
        for (PlanetaryRight right : PlanetaryRight.values()) {
            if (held.contains(right.authority())) {
                rights.add(right);
            }
        }
        requireOneOf(required, rights, signedIn.getName(), "");
        return signedIn;
    }

    private void requireOn(TargetId target, RequiresRight required, Authentication signedIn) {
        requireOneOf(required, rightsOn(target, signedIn.getName()), signedIn.getName(), " on " + target);
    }

    private static void requireOneOf(RequiresRight required, Set<PlanetaryRight> held, String login, String where) {
        List<PlanetaryRight> rights = required.value().length == 0 ? List.of(PlanetaryRight.values()) : List.of(required.value());
        if (rights.stream().noneMatch(held::contains)) {
            throw new AccessDeniedException(login + " holds none of the rights this needs" + where + ": "
                    + rights.stream().map(PlanetaryRight::groupRole).sorted().collect(Collectors.joining(", ")));
        }
    }

    private Set<PlanetaryRight> rightsOn(TargetId target, String login) {
        String key = target + "\u0000" + login;
        Remembered known = remembered.get(key);
        if (known != null && known.until() > System.nanoTime()) {
            return known.rights();
        }
        Set<PlanetaryRight> rights;
        try {
            rights = queryBus.query(new GenericQueryMessage<>(new GenericMessage<>(new FindTargetRightsQuery(target, login)),
                    FindTargetRightsQuery.class.getName(), ResponseTypes.instanceOf(TargetRights.class))).join()
                    .getPayload().rights();
        } catch (RuntimeException e) {
            throw new RightsUnreadableException(target, e);
        }
        remembered.put(key, new Remembered(rights, System.nanoTime() + REMEMBER_RIGHTS.toNanos()));
        return rights;
    }

    /** The targets a message is about: those it names (a comparison names two), or the one of the change it names. */
    private List<TargetId> targetsOf(Object payload) {
        RecordComponent[] components = payload.getClass().getRecordComponents();
        if (components == null) {
            return List.of();
        }
        List<TargetId> named = new java.util.ArrayList<>();
        for (RecordComponent component : components) {
            if (component.getType() == TargetId.class && read(component, payload) instanceof TargetId target) {
                named.add(target);
            }
        }
        if (!named.isEmpty()) {
            return named;
        }
        for (RecordComponent component : components) {
            if (component.getType() == ChangeId.class) {
                ChangeId changeId = (ChangeId) read(component, payload);
                return changeId == null ? List.of() : targetOfChange(changeId).stream().toList();
            }
        }
        return List.of();
    }

    /** Empty for a change that does not exist: whoever handles the message answers that. */
    private Optional<TargetId> targetOfChange(ChangeId changeId) {
        try {
            ChangeView change = queryBus.query(new GenericQueryMessage<>(new GenericMessage<>(new FindChangeQuery(changeId)),
                    FindChangeQuery.class.getName(), ResponseTypes.instanceOf(ChangeView.class))).join().getPayload();
            return change == null ? Optional.empty() : Optional.of(change.target());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Object read(RecordComponent component, Object payload) {
        try {
            return component.getAccessor().invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + payload.getClass(), e);
        }
    }

    /** The login in the payload's {@link ActsFor} component (refused when null); empty for a message without one. */
    private static Optional<String> actingFor(Object payload) {
        RecordComponent[] components = payload.getClass().getRecordComponents();
        if (components == null) {
            return Optional.empty();
        }
        for (RecordComponent component : components) {
            if (component.isAnnotationPresent(ActsFor.class)) {
                Object login = read(component, payload);
                if (login == null) {
                    throw new AccessDeniedException("the command names nobody to act for");
                }
                return Optional.of(login.toString());
            }
        }
        return Optional.empty();
    }
}
