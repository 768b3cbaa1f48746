package dev.planetary.command.registration;

import dev.planetary.kernel.registration.ConnectionTest.Check;
import dev.planetary.kernel.registration.ConnectionTest.Outcome;
import dev.planetary.kernel.registration.ConnectionTest;
import dev.planetary.kernel.registration.RegistrationCommands.RecordConnectionTestCommand;
import dev.planetary.kernel.registration.RegistrationEvents.TargetConnectionTestRequestedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Tests a target's connection once its registration (or a new test) is recorded, in a streaming
 * processor of its own: the request never waits for a server that may not answer, and a test cut
 * short by a stop runs when Planetary starts again. The aggregate keeps the outcome of the latest
 * attempt only, so a repeated delivery records nothing twice.
 */
@Component
@ProcessingGroup(ConnectionTests.GROUP)
@DisallowReplay
public class ConnectionTests {

    public static final String GROUP = "connection-tests";
    private static final Logger log = LoggerFactory.getLogger(ConnectionTests.class);

    private final ConnectionTester tester;
    private final CommandGateway commands;

    public ConnectionTests(ConnectionTester tester, CommandGateway commands) {
        this.tester = tester;
        this.commands = commands;
    }

    @EventHandler
    void on(TargetConnectionTestRequestedEvent event) {
        ConnectionTest test;
        try {
            test = tester.test(event.settings());
        } catch (RuntimeException e) {
            log.warn("the connection test of {} could not run: {}", event.target(), e.toString());
            test = new ConnectionTest(List.of(new Check("The test ran", Outcome.FAILED, "Planetary could not run it ("
                    + e.getClass().getSimpleName() + "); test again")), null, null, 0);
        }
        commands.sendAndWait(new RecordConnectionTestCommand(event.target(), event.attempt(), test));
        log.info("target {}: connection test {} {}", event.target(), event.attempt(), test.passed() ? "passed" : "failed");
    }
}
