package dev.planetary.command.api;

import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.testrun.RunTestCommand;
import dev.planetary.kernel.testrun.TestRunRequest;
import dev.planetary.kernel.testrun.TestRunResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trial calls of functions and views, as a chosen role with chosen claims, always rolled back.
 * A failing call is a normal answer (200 with the error and its SQLSTATE): the call ran, and
 * what PostgreSQL said is the result.
 */
@RestController
@RequestMapping("/api/test-runs")
public class TestRunController {

    private final CommandGateway commands;

    public TestRunController(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * {@code ?target=}: the target database to run on (the default one when none is named). Sent on the
     * command bus, where the person's rights on that target are checked.
     */
    @PostMapping
    @PreAuthorize("hasAnyRole('REQUESTER', 'REVIEWER')")
    public TestRunResult run(@RequestBody TestRunRequest request, @RequestParam(name = "target", required = false) String database,
                             Authentication user) {
        if (request == null) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "a test run is required", "target");
        }
        try {
            return commands.sendAndWait(new RunTestCommand(TargetParameter.parse(database), request, user.getName()));
        } catch (SpecViolation e) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, e.getMessage(), e.field());
        }
    }
}
