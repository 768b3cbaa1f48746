package dev.planetary.command.api;

import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.health.SessionSignal;
import dev.planetary.kernel.health.SessionSignalledEvent;
import dev.planetary.kernel.health.SignalSessionCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators cancel a session's query or end the session ({@code ?target=}, the default one when none is
 * named), with a reason the history keeps beside what the session was running.
 */
@RestController
@RequestMapping("/api/health/sessions/{pid}")
@PreAuthorize("hasRole('OPERATOR')")
public class SessionSignalController {

    /** Why the operator acts, in words. */
    public record SignalRequest(String reason) {
    }

    private final CommandGateway commands;

    public SessionSignalController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/cancel")
    public SessionSignalledEvent cancel(@PathVariable int pid, @RequestBody(required = false) SignalRequest request,
                                   @RequestParam(required = false) String target, Authentication user) {
        return send(target, pid, SessionSignal.CANCEL, request, user);
    }

    @PostMapping("/terminate")
    public SessionSignalledEvent terminate(@PathVariable int pid, @RequestBody(required = false) SignalRequest request,
                                      @RequestParam(required = false) String target, Authentication user) {
        return send(target, pid, SessionSignal.TERMINATE, request, user);
    }

    private SessionSignalledEvent send(String target, int pid, SessionSignal signal, SignalRequest request, Authentication user) {
        return commands.sendAndWait(new SignalSessionCommand(TargetParameter.parse(target), pid, signal,
                request == null ? null : request.reason(), user.getName()));
    }
}
