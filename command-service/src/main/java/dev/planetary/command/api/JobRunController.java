package dev.planetary.command.api;

import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.jobs.JobRunStartedEvent;
import dev.planetary.kernel.jobs.RunJobNowCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators run a job once, now ({@code ?target=}, the default one when none is named), saying why: 202 with
 * the run's start (its id and the SQL that runs); the outcome follows in the history, under the job.
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
public class JobRunController {

    /** Why the operator runs it, in words. */
    public record RunRequest(String reason) {
    }

    private final CommandGateway commands;

    public JobRunController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/jobs/{job}/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public JobRunStartedEvent run(@PathVariable String job, @RequestBody(required = false) RunRequest request,
                                  @RequestParam(required = false) String target, Authentication user) {
        return commands.sendAndWait(new RunJobNowCommand(TargetParameter.parse(target), job,
                request == null ? null : request.reason(), user.getName()));
    }
}
