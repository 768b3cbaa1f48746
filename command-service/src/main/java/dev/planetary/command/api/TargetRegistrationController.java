package dev.planetary.command.api;

import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.registration.RegistrationCommands.ApproveTargetRegistrationCommand;
import dev.planetary.kernel.registration.RegistrationCommands.DisableTargetCommand;
import dev.planetary.kernel.registration.RegistrationCommands.RegisterTargetCommand;
import dev.planetary.kernel.registration.RegistrationCommands.RejectTargetRegistrationCommand;
import dev.planetary.kernel.registration.RegistrationCommands.TestTargetConnectionCommand;
import dev.planetary.kernel.registration.RegistrationQueries.TargetRegistrationView;
import dev.planetary.kernel.registration.RegistrationQueries;
import dev.planetary.kernel.registration.TargetSettings;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Duration;

/**
 * Registering target databases at run time, a reviewed change to Planetary's configuration: an
 * operator asks, Planetary tests the connection, someone else approves. Rights are checked on the
 * command bus; the aggregate checks the rules. Each answer is the registration as the read model
 * shows it after the command.
 */
@RestController
public class TargetRegistrationController {

    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(10);

    /** A registration request: the target's name and its settings, logins by credential name. */
    public record Registration(String target, String name, String environment, String url, String metadataLogin,
                               String ddlLogin, String colour) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EventStore eventStore;

    public TargetRegistrationController(CommandGateway commands, QueryGateway queries, EventStore eventStore) {
        this.commands = commands;
        this.queries = queries;
        this.eventStore = eventStore;
    }

    @PostMapping("/api/targets")
    public ResponseEntity<TargetRegistrationView> register(@RequestBody Registration body, Authentication user) {
        if (body == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "the target's settings are required", "settings");
        }
        TargetId target = TargetParameter.parse(body.target());
        if (target == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name the target", "target");
        }
        commands.sendAndWait(new RegisterTargetCommand(target, new TargetSettings(body.name(), body.environment(), body.url(),
                body.metadataLogin(), body.ddlLogin(), body.colour()), user.getName()));
        return ResponseEntity.created(URI.create("/api/targets/registrations/" + target)).body(current(target));
    }

    @PostMapping("/api/targets/registrations/{target}/connection-test")
    public TargetRegistrationView testAgain(@PathVariable String target, Authentication user) {
        TargetId id = parse(target);
        commands.sendAndWait(new TestTargetConnectionCommand(id, user.getName()));
        return current(id);
    }

    @PostMapping("/api/targets/registrations/{target}/approval")
    public TargetRegistrationView approve(@PathVariable String target, @RequestBody(required = false) ChangeRequests.Review review,
                                          Authentication user) {
        TargetId id = parse(target);
        commands.sendAndWait(new ApproveTargetRegistrationCommand(id, user.getName(), review == null ? null : review.comment()));
        return current(id);
    }

    @PostMapping("/api/targets/registrations/{target}/rejection")
    public TargetRegistrationView reject(@PathVariable String target, @RequestBody(required = false) ChangeRequests.Rejection rejection,
                                         Authentication user) {
        TargetId id = parse(target);
        commands.sendAndWait(new RejectTargetRegistrationCommand(id, user.getName(), rejection == null ? null : rejection.reason()));
        return current(id);
    }

    @PostMapping("/api/targets/registrations/{target}/disable")
    public TargetRegistrationView disable(@PathVariable String target, @RequestBody(required = false) ChangeRequests.Rejection why,
                                          Authentication user) {
        TargetId id = parse(target);
        commands.sendAndWait(new DisableTargetCommand(id, user.getName(), why == null ? null : why.reason()));
        return current(id);
    }

    private static TargetId parse(String target) {
        TargetId id = TargetParameter.parse(target);
        if (id == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name the target", "target");
        }
        return id;
    }

    private TargetRegistrationView current(TargetId target) {
        long version = eventStore.lastSequenceNumberFor(target.value()).orElse(-1L);
        return RegistrationQueries.await(queries, target, version, READ_YOUR_WRITES)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no registration of a target named " + target));
    }
}
