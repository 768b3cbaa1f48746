package dev.planetary.ui.api;

import dev.planetary.command.change.DryRunReconciler;
import dev.planetary.command.change.DryRuns;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.command.SubmitProposalCommand;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.spec.policy.RowSecurityAction;
import dev.planetary.kernel.spec.policy.RowSecuritySpec;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.change.CaughtUp;
import dev.planetary.ui.support.PlanetaryIT;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proposal whose dry-run the processor never ran (here: it was stopped, as a process is at a
 * kill, or as a handler that failed and moved on leaves it) waits PENDING, which nobody could ever
 * approve; the reconciler finds it and runs it, and the processor, started again, runs nothing twice.
 */
class DryRunRecoveryIT extends PlanetaryIT {

    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private DryRunReconciler reconciler;
    @Autowired
    private CaughtUp caughtUp;

    @AfterEach
    void processorRunsAgain() {
        dryRunProcessor().start();
        SecurityContextHolder.clearContext();
    }

    private EventProcessor dryRunProcessor() {
        return processing.eventProcessor(DryRuns.GROUP).orElseThrow();
    }

    @Test
    void a_proposal_whose_dry_run_never_ran_is_dry_run_by_the_reconciler_once() throws Exception {
        STACK.asOwner("CREATE TABLE IF NOT EXISTS app.dry_run_recovery (id int)");
        dryRunProcessor().shutDown();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null,
                List.of(new SimpleGrantedAuthority(PlanetaryRight.REQUESTER.authority()))));
        ChangeId changeId = commands.sendAndWait(new SubmitProposalCommand(TargetId.DEFAULT, "dry-run recovery",
                new RowSecuritySpec(QualifiedName.of("app", "dry_run_recovery"), RowSecurityAction.ENABLE), "alice"));
        String id = changeId.value();
        assertThat(api.await(id, change -> !change.path("id").isMissingNode()).path("dryRunStatus").asText()).isEqualTo("PENDING");
        assertThat(api.approve("bob", id).code()).as("nobody can approve it").isEqualTo("dry_run_not_passed");

        reconciler.resume(Duration.ZERO);
        assertThat(api.await(id, change -> !"PENDING".equals(change.path("dryRunStatus").asText())).path("dryRunStatus").asText())
                .isEqualTo("PASSED");

        dryRunProcessor().start();
        assertThat(caughtUp.await(DryRuns.GROUP, Duration.ofSeconds(30))).as("the processor read the proposal again").isTrue();
        assertThat(dryRunEvents(id)).as("the processor, catching up, found it done").isEqualTo(1);
        assertThat(api.approve("bob", id).status()).isEqualTo(200);
    }

    private static long dryRunEvents(String id) throws Exception {
        return STACK.count(STACK.control(), "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + id
                + "' AND payload_type LIKE '%DryRunCompletedEvent'");
    }
}
