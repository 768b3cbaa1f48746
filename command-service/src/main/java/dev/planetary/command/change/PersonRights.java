package dev.planetary.command.change;

import dev.planetary.kernel.identity.PersonCommand;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RightsRequired;
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

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Checks every message that requires a right ({@link RightsRequired}) as it is sent on the command
 * or query bus, whoever sends it (a view, the API, a test): the sender must be signed in and hold
 * one of its rights, and a {@link PersonCommand} must name the signed-in person. A message Planetary
 * sends itself (a dry-run's outcome, an apply's steps) requires no right and passes. This runs on
 * the sender's thread, where Spring Security keeps who is signed in.
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
                if (message.getPayload() instanceof RightsRequired restricted) {
                    require(restricted);
                }
                return message;
            };
        }
    }

    static void require(RightsRequired message) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("sign in first");
        }
        if (message instanceof PersonCommand command && !signedIn.getName().equals(command.person())) {
            throw new AccessDeniedException(signedIn.getName() + " cannot act for " + command.person());
        }
        Set<String> held = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        boolean allowed = message.rights().isEmpty()
                || message.rights().stream().map(PlanetaryRight::authority).anyMatch(held::contains);
        if (!allowed) {
            throw new AccessDeniedException(signedIn.getName() + " holds none of the rights this needs: " + message.rights()
                    .stream().map(PlanetaryRight::groupRole).sorted().collect(Collectors.joining(", ")));
        }
    }
}
