package dev.planetary.ui.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.DryRunStatus;
import dev.planetary.kernel.change.StepProgress;
import dev.planetary.kernel.change.StepStatus;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.ddl.IndexKey;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.index.CreateIndexSpec;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps of a change's page: a bar that follows PostgreSQL's progress, and what each step came to. */
class StepsPanelTest {

    private static final Plan PLAN = PlanBuilder.summarised("comment then build")
            .statement("COMMENT ON TABLE app.invoice IS 'x'")
            .statementOutsideTransaction(index().statements().get(0).sql(), index().statements().get(0).outside())
            .build();

    private static Plan index() {
        return new CreateIndexSpec(QualifiedName.of("app", "invoice"), Identifier.of("invoice_status_idx"), null,
                List.of(IndexKey.onColumn("status")), null, null, false, null).plan();
    }

    private static ChangeView applying(List<ChangeView.StepView> steps) {
        return new ChangeView("c-1", TargetId.DEFAULT, "dev", null, null, "t", "create-index", "s", "alice", ChangeStatus.APPLYING,
                dev.planetary.kernel.plan.RiskLevel.LOW, 1, 1, false, List.of(), DryRunStatus.PASSED, null, null, null, null, null, null, steps, null, PLAN, List.of(),
                Instant.EPOCH, Instant.EPOCH, 3);
    }

    @Test
    void a_running_build_shows_a_bar_at_the_reported_fraction_and_the_finished_step_its_time() {
        Component panel = StepsPanel.of(applying(List.of(
                new ChangeView.StepView(1, "1 statement in a transaction", StepStatus.FINISHED, null, 12, null, null, Instant.EPOCH),
                new ChangeView.StepView(2, "CREATE INDEX CONCURRENTLY ...", StepStatus.PROGRESSED,
                        new StepProgress("building index: scanning table", 750, 1000), 0, null, null, Instant.EPOCH))));

        List<ProgressBar> bars = all(panel).filter(ProgressBar.class::isInstance).map(ProgressBar.class::cast).toList();
        assertThat(bars).singleElement().satisfies(bar -> assertThat(bar.getValue()).isEqualTo(0.75));
        assertThat(text(panel)).contains("Step 1 of 2", "done in 12 ms", "Step 2 of 2", "running",
                "building index: scanning table · 75 %");
    }

    @Test
    void a_failed_build_says_what_was_cleaned_up_and_a_waiting_step_has_no_bar() {
        Component panel = StepsPanel.of(applying(List.of(
                new ChangeView.StepView(1, null, StepStatus.FAILED, null, 0, "23505: could not create unique index",
                        "dropped the INVALID index app.invoice_status_idx left by the failed run", Instant.EPOCH))));

        assertThat(all(panel).filter(ProgressBar.class::isInstance)).isEmpty();
        assertThat(text(panel)).contains("failed", "23505", "Cleaned up: dropped the INVALID index", "waiting");
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(StepsPanelTest::all));
    }

    private static String text(Component panel) {
        return all(panel).map(c -> c.getElement().getText()).reduce("", (a, b) -> a + " " + b);
    }
}
