package dev.planetary.command.change;

import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Checks every message marked {@link RequiresRight} as it is sent on the command or query bus,
 * whoever sends it (a view, the API, a test): the sender must be signed in and hold one of its
 * rights, and its {@link ActsFor} component must name the signed-in person. A message Planetary
 * sends itself (a dry-run's outcome, an apply's steps) is not marked and passes. This runs on the
 * sender's thread, where Spring Security keeps who is signed in.
 */
@Component
public class PersonRights {

    public PersonRights(CommandBus commandBus, QueryBus queryBus) {
        commandBus.registerDispatchInterceptor(new Check<CommandMessage<?>>());
        queryBus.registerDispatchInterceptor(new Check<QueryMessage<?, ?>>());
    }

    private static final class Check<M extends Message<?>> implements MessageDispatchInterceptor<M> {
        @Override
        public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
            return (index, message) -> {
                RequiresRight required = message.getPayloadType().getAnnotation(RequiresRight.class);
                if (required != null) {
                    require(required, message.getPayload());
                }
                return message;
            };
        }
    }

    static void require(RequiresRight required, Object payload) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("sign in first");
        }
        actingFor(payload).filter(person -> !person.equals(signedIn.getName())).ifPresent(person -> {
            throw new AccessDeniedException(signedIn.getName() + " cannot act for " + person);
        });
        if (required.signedIn()) {
            return;
        }
        Set<String> held = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        List<PlanetaryRight> rights = required.value().length == 0 ? List.of(PlanetaryRight.values()) : List.of(required.value());
        if (rights.stream().map(PlanetaryRight::authority).noneMatch(held::contains)) {
            throw new AccessDeniedException(signedIn.getName() + " holds none of the rights this needs: "
                    + rights.stream().map(PlanetaryRight::groupRole).sorted().collect(Collectors.joining(", ")));
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
                try {
                    Object login = component.getAccessor().invoke(payload);
                    if (login == null) {
                        throw new AccessDeniedException("the command names nobody to act for");
                    }
                    return Optional.of(login.toString());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of " + payload.getClass(), e);
                }
            }
        }
        return Optional.empty();
    }
}
