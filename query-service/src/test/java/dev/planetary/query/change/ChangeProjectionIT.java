package dev.planetary.query.change;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.planetary.embedded.PostgresServer;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.DryRunStatus;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.change.event.ApprovalGivenEvent;
import dev.planetary.kernel.change.event.ChangeApplyStartedEvent;
import dev.planetary.kernel.change.event.ChangeApprovedEvent;
import dev.planetary.kernel.change.event.ChangeFailedEvent;
import dev.planetary.kernel.change.event.ChangeProposedEvent;
import dev.planetary.kernel.change.event.ChangeRevisedEvent;
import dev.planetary.kernel.change.event.DryRunCompletedEvent;
import dev.planetary.kernel.change.query.ChangeFilter;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.spec.privilege.TablePrivilege;
import dev.planetary.kernel.spec.privilege.TablePrivilegeSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The review-queue projection on a real PostgreSQL, migrated by Flyway like the application's. */
class ChangeProjectionIT {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final TablePrivilegeSpec REVOKE = new TablePrivilegeSpec(PrivilegeAction.REVOKE,
            List.of(TablePrivilege.SELECT), QualifiedName.of("app", "invoice"), null, Grantee.of("karen"), false);
    private static final TablePrivilegeSpec GRANT = new TablePrivilegeSpec(PrivilegeAction.GRANT,
            List.of(TablePrivilege.SELECT), QualifiedName.of("app", "invoice"), null, Grantee.of("karen"), false);

    private static ChangeProjection projection;
    private static ChangeReadModel readModel;

    @BeforeAll
    static void migrate() {
        PostgresServer server = TestPostgres.server();
        DataSource dataSource = server.dataSource(server.createDatabase("projection"));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        ObjectMapper json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        projection = new ChangeProjection(jdbc, json);
        readModel = new ChangeReadModel(jdbc, json);
    }

    @Test
    void a_change_is_followed_through_its_events_and_a_redelivered_event_changes_nothing() {
        ChangeId id = ChangeId.of("projected-1");
        projection.on(new ChangeProposedEvent(id, TargetId.DEFAULT, "Revoke", REVOKE, REVOKE.plan(), 2, "alice", T0), 0);
        projection.on(new DryRunCompletedEvent(id, 1, DryRunOutcome.passed(4), T0.plusSeconds(1)), 1);
        projection.on(new ApprovalGivenEvent(id, 1, "bob", "fine", 1, 2, T0.plusSeconds(2)), 2);
        projection.on(new ApprovalGivenEvent(id, 1, "bob", "fine", 1, 2, T0.plusSeconds(2)), 2); // redelivered

        ChangeView view = readModel.find(id).orElseThrow();
        assertThat(view.status()).isEqualTo(ChangeStatus.PROPOSED);
        assertThat(view.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(view.dryRunStatus()).isEqualTo(DryRunStatus.PASSED);
        assertThat(view.approvals()).extracting(ChangeView.Approval::reviewer).containsExactly("bob");
        assertThat(view.spec()).isEqualTo(REVOKE);
        assertThat(view.plan()).isEqualTo(REVOKE.plan());
        assertThat(view.objects()).containsExactly("app.invoice", "karen");
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void each_change_belongs_to_its_target_and_the_list_filters_by_target() {
        TargetId dev = TargetId.of("dev-filter");
        TargetId staging = TargetId.of("staging-filter");
        projection.on(new ChangeProposedEvent(ChangeId.of("on-dev"), dev, "Grant", GRANT, GRANT.plan(), 1, "alice", T0), 0);
        projection.on(new ChangeProposedEvent(ChangeId.of("on-staging"), staging, "Grant", GRANT, GRANT.plan(), 1, "alice", T0), 0);

        assertThat(readModel.list(ChangeFilter.all().on(staging))).extracting(ChangeView::id).containsExactly("on-staging");
        assertThat(readModel.list(ChangeFilter.all().on(dev))).extracting(ChangeView::id).containsExactly("on-dev");
        assertThat(readModel.find(ChangeId.of("on-staging")).orElseThrow().target()).isEqualTo(staging);
        assertThat(readModel.list(ChangeFilter.all())).extracting(ChangeView::id).contains("on-dev", "on-staging");
    }

    @Test
    void a_revision_clears_approvals_and_the_dry_run() {
        ChangeId id = ChangeId.of("projected-2");
        projection.on(new ChangeProposedEvent(id, TargetId.DEFAULT, "Revoke", REVOKE, REVOKE.plan(), 2, "alice", T0), 0);
        projection.on(new DryRunCompletedEvent(id, 1, DryRunOutcome.passed(4), T0), 1);
        projection.on(new ApprovalGivenEvent(id, 1, "bob", null, 1, 2, T0), 2);
        projection.on(new ChangeRevisedEvent(id, TargetId.DEFAULT, 2, "Grant instead", GRANT, GRANT.plan(), 1, "alice", T0.plusSeconds(5)), 3);

        ChangeView view = readModel.find(id).orElseThrow();
        assertThat(view.approvals()).isEmpty();
        assertThat(view.dryRunStatus()).isEqualTo(DryRunStatus.PENDING);
        assertThat(view.dryRun()).isNull();
        assertThat(view.revision()).isEqualTo(2);
        assertThat(view.title()).isEqualTo("Grant instead");
        assertThat(view.risk()).isEqualTo(RiskLevel.LOW);
        assertThat(view.requiredApprovals()).isEqualTo(1);
    }

    @Test
    void a_failure_keeps_what_postgresql_said_and_the_list_filters_by_status_and_object() {
        ChangeId id = ChangeId.of("projected-3");
        SqlError error = new SqlError("55P03", "canceling statement due to lock timeout", null, null, 0, 0);
        projection.on(new ChangeProposedEvent(id, TargetId.DEFAULT, "Grant", GRANT, GRANT.plan(), 1, "dave", T0), 0);
        projection.on(new ChangeApprovedEvent(id, 1, GRANT.plan(), T0), 1);
        projection.on(new ChangeApplyStartedEvent(id, T0), 2);
        projection.on(new ChangeFailedEvent(id, error, T0.plusSeconds(1)), 3);

        assertThat(readModel.find(id).orElseThrow().failure()).isEqualTo(error);
        assertThat(readModel.list(new ChangeFilter(List.of(ChangeStatus.FAILED), null, null, "dave", "app.invoice", 10, 0)))
                .extracting(ChangeView::id).containsExactly("projected-3");
        assertThat(readModel.list(new ChangeFilter(List.of(ChangeStatus.APPLIED), null, null, null, null, 10, 0)))
                .extracting(ChangeView::id).doesNotContain("projected-3");
        assertThat(readModel.awaitingApply(T0.plusSeconds(60))).doesNotContain(id);
    }
}
