package dev.planetary.ui.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.kernel.audit.AuditTrail;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogQueries;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.command.ApproveChangeCommand;
import dev.planetary.kernel.change.command.SubmitProposalCommand;
import dev.planetary.kernel.change.command.WithdrawChangeCommand;
import dev.planetary.kernel.change.query.ChangeQueries;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.CompleteSpecQuery;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.spec.ChangeKinds;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.documentation.CommentOnSpec;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.ui.support.PlanetaryIT;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The buses check rights whoever sends a command or a restricted query: the UI's pages hide buttons,
 * but a command sent without the right, or in another person's name, is refused before any handler
 * runs, and stores nothing.
 */
class BusRightsIT extends PlanetaryIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_person_command_needs_its_right_and_the_signed_in_person() throws Exception {
        signIn("alice", PlanetaryRight.REQUESTER);
        ChangeSpec spec = json.readValue(ChangeKinds.named("comment-on").orElseThrow().example(), ChangeSpec.class);
        ChangeId changeId = commands.sendAndWait(new SubmitProposalCommand(TargetId.DEFAULT, "Rights on the bus", spec, "alice"));
        // the dry-run follows the proposal's commit: counted once it is recorded
        assertThat(ChangeQueries.awaitDryRun(queries, changeId, 1, Duration.ofSeconds(30))).isPresent();
        long stored = STACK.requestEvents();

        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> commands.sendAndWait(new ApproveChangeCommand(changeId, "bob", null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("sign in");

        signIn("bob", PlanetaryRight.VIEWER);
        assertThatThrownBy(() -> commands.sendAndWait(new ApproveChangeCommand(changeId, "bob", null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("planetary_reviewer");

        signIn("bob", PlanetaryRight.REVIEWER);
        assertThatThrownBy(() -> commands.sendAndWait(new ApproveChangeCommand(changeId, "carol", null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("cannot act for carol");
        assertThatThrownBy(() -> commands.sendAndWait(new WithdrawChangeCommand(changeId, "bob", null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("planetary_requester");
        assertThat(STACK.requestEvents()).isEqualTo(stored);

        signIn("alice", PlanetaryRight.REQUESTER);
        commands.sendAndWait(new WithdrawChangeCommand(changeId, "alice", "only a test"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                queries.query(new FindChangeQuery(changeId), ChangeView.class).join())
                .satisfies(change -> assertThat(change.status()).isEqualTo(ChangeStatus.WITHDRAWN))
                .satisfies(change -> assertThat(change.withdrawal().by()).isEqualTo("alice")));
    }

    @Test
    void reading_the_catalog_or_completing_a_spec_needs_a_right() throws Exception {
        CatalogQueries.RolesQuery roles = new CatalogQueries.RolesQuery(TargetId.DEFAULT);
        assertThatThrownBy(() -> queries.query(roles, ResponseTypes.multipleInstancesOf(Catalog.Role.class)).join())
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("sign in");
        signIn("nobody");
        assertThatThrownBy(() -> queries.query(roles, ResponseTypes.multipleInstancesOf(Catalog.Role.class)).join())
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("planetary_viewer");
        signIn("victor", PlanetaryRight.VIEWER);
        assertThat(queries.query(roles, ResponseTypes.multipleInstancesOf(Catalog.Role.class)).join())
                .extracting(Catalog.Role::name).contains("alice");

        ChangeSpec spec = json.readValue(ChangeKinds.named("comment-on").orElseThrow().example(), ChangeSpec.class);
        assertThatThrownBy(() -> queries.query(new CompleteSpecQuery(TargetId.DEFAULT, spec), ChangeSpec.class).join())
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("planetary_requester");
        signIn("alice", PlanetaryRight.REQUESTER);
        assertThat(queries.query(new CompleteSpecQuery(TargetId.DEFAULT, spec), ChangeSpec.class).join()).isInstanceOf(CommentOnSpec.class);
    }

    @Test
    void the_audit_trail_answers_operators_only() {
        signIn("alice", PlanetaryRight.REQUESTER, PlanetaryRight.REVIEWER);
        assertThatThrownBy(() -> queries.query(new AuditTrail.HealthQuery(TargetId.DEFAULT), AuditTrail.Health.class).join())
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queries.query(new AuditTrail.RowsQuery(TargetId.DEFAULT, new AuditTrail.Filter(null, null, null, null, null, 10)),
                ResponseTypes.multipleInstancesOf(AuditTrail.Row.class)).join())
                .isInstanceOf(AccessDeniedException.class);

        signIn("oscar", PlanetaryRight.OPERATOR);
        assertThat(queries.query(new AuditTrail.HealthQuery(TargetId.DEFAULT), AuditTrail.Health.class).join().reachable()).isTrue();
    }

    private static void signIn(String login, PlanetaryRight... rights) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(login, null,
                Arrays.stream(rights).map(right -> new SimpleGrantedAuthority(right.authority())).toList()));
    }
}
