package dev.planetary.ui.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import dev.planetary.kernel.change.StepProgress;
import dev.planetary.kernel.change.StepStatus;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.plan.PlanStep;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The steps of a plan that runs step by step: one row per step with what it runs, where it is
 * (waiting, running with a progress bar from PostgreSQL's progress view, done, skipped after a
 * restart, failed) and what was cleaned up. The page re-renders when the projection commits a step (ChangeFeed).
 */
final class StepsPanel {

    private StepsPanel() {
    }

    static Component of(ChangeView change) {
        Map<Integer, ChangeView.StepView> reported = change.steps().stream()
                .collect(Collectors.toMap(ChangeView.StepView::number, Function.identity()));
        Div panel = new Div();
        panel.setId("steps");
        panel.addClassName("plan-steps");
        List<PlanStep> steps = change.plan().steps();
        for (PlanStep step : steps) {
            panel.add(row(step, steps.size(), reported.get(step.number())));
        }
        return panel;
    }

    private static Component row(PlanStep step, int count, ChangeView.StepView view) {
        Div row = new Div();
        row.addClassName("plan-step");
        row.getElement().setAttribute("data-step", String.valueOf(step.number()));
        StepStatus status = view == null || view.status() == null ? null : view.status();
        row.getElement().setAttribute("data-status", status == null ? "WAITING" : status.name());
        Span title = new Span("Step " + step.number() + " of " + count + (step.transactional() ? " · in a transaction" : " · outside a transaction"));
        title.addClassName("plan-step-title");
        Span state = new Span(label(status, view));
        state.getElement().getThemeList().add("badge");
        state.getElement().getThemeList().add(theme(status));
        Div what = new Div(new Span(step.description()));
        what.addClassName("plan-step-sql");
        row.add(new Div(title, new Span(" "), state), what);
        if (status == StepStatus.STARTED || status == StepStatus.PROGRESSED) {
            row.add(progress(view == null ? null : view.progress()));
        }
        if (view != null && view.note() != null && status != StepStatus.STARTED) {
            row.add(new Div(new Span(view.note())));
        }
        if (view != null && view.cleanup() != null) {
            Div cleanup = new Div(new Span("Cleaned up: " + view.cleanup()));
            cleanup.addClassName("plan-step-cleanup");
            row.add(cleanup);
        }
        return row;
    }

    private static Component progress(StepProgress progress) {
        ProgressBar bar = new ProgressBar();
        bar.addClassName("plan-step-progress");
        Span text = new Span();
        if (progress == null || progress.percent() < 0) {
            bar.setIndeterminate(true);
            text.setText(progress == null ? "starting…" : progress.phase());
        } else {
            bar.setValue(progress.percent() / 100.0);
            text.setText(progress.phase() + " · " + progress.percent() + " %");
        }
        bar.addThemeVariants(ProgressBarVariant.LUMO_CONTRAST);
        Div holder = new Div(bar, text);
        holder.addClassName("plan-step-progress-holder");
        return holder;
    }

    private static String label(StepStatus status, ChangeView.StepView view) {
        if (status == null) {
            return "waiting";
        }
        return switch (status) {
            case STARTED, PROGRESSED -> "running";
            case FINISHED -> "done in " + view.durationMillis() + " ms";
            case SKIPPED -> "done before a restart";
            case FAILED -> "failed";
            case CLEANED_UP -> "cleaned up";
        };
    }

    private static String theme(StepStatus status) {
        if (status == null) {
            return "contrast";
        }
        return switch (status) {
            case FINISHED, SKIPPED -> "success";
            case FAILED -> "error";
            default -> "primary";
        };
    }
}
