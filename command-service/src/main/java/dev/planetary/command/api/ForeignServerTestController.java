package dev.planetary.command.api;

import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.replication.ForeignServerTestedEvent;
import dev.planetary.kernel.replication.TestForeignServerCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators test a foreign server ({@code ?target=}, the default one when none is named): 200 with whether it was
 * reached, in how long, and what PostgreSQL said when it was not; kept in the history under the server.
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
public class ForeignServerTestController {

    private final CommandGateway commands;

    public ForeignServerTestController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/replication/foreign-servers/{server}/test")
    public ForeignServerTestedEvent test(@PathVariable String server, @RequestParam(required = false) String target, Authentication user) {
        return commands.sendAndWait(new TestForeignServerCommand(TargetParameter.parse(target), server, user.getName()));
    }
}
