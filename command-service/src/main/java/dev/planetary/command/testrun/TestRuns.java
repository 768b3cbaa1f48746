package dev.planetary.command.testrun;

import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.testrun.RunTestCommand;
import dev.planetary.kernel.testrun.TestRunRecordedEvent;
import dev.planetary.kernel.testrun.TestRunRequest;
import dev.planetary.kernel.testrun.TestRunResult;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Trial calls for people who write or review changes. A test run is an operation, not a change:
 * nothing persists on the target, and the history records that it happened and how it went.
 */
@Service
public class TestRuns {

    private final TestRunner runner;
    private final DdlTargets targets;
    private final EventGateway events;
    private final Clock clock;

    public TestRuns(TestRunner runner, DdlTargets targets, EventGateway events, Clock clock) {
        this.runner = runner;
        this.targets = targets;
        this.events = events;
        this.clock = clock;
    }

    /** The UI's way in: rights checked on the bus ({@code PersonRights}). */
    @CommandHandler
    public TestRunResult handle(RunTestCommand command) {
        return run(command.target(), command.request(), command.actor());
    }

    @PreAuthorize("hasAnyRole('REQUESTER', 'REVIEWER')")
    /** {@code target} null: the home target. */
    public TestRunResult run(TargetId named, TestRunRequest request, String actor) {
        TargetId target = targets.get(named).id();
        String runId = "run-" + UUID.randomUUID();
        TestRunResult result = runner.run(target, runId, request);
        String outcome = result.succeeded()
                ? result.rows().size() + (result.truncated() ? "+" : "") + " row(s)"
                + (result.notices().isEmpty() ? "" : ", " + result.notices().size() + " notice(s)")
                : "error " + result.error().sqlState() + ": " + result.error().message();
        events.publish(new TestRunRecordedEvent(runId, target, actor, clock.instant(),
                "Test run of " + request.describe() + ", rolled back: " + outcome,
                List.of(request.object().display())));
        return result;
    }
}
