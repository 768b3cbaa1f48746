package dev.planetary.ui.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetView;
import dev.planetary.ui.target.EnvironmentColours;
import dev.planetary.ui.target.TargetDirectory;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Where a change has been: the change first proposed and each promotion of it, target by target in
 * the order they were proposed, each in its environment's colour with its status; and, for an
 * applied change, promotion to a target it has not reached yet.
 */
final class PromotionPanel {

    private PromotionPanel() {
    }

    /** The chain as a row of steps (the shown change marked); empty for a change never promoted. */
    static Component chain(List<ChangeView> chain, String shown) {
        HorizontalLayout row = new HorizontalLayout();
        row.setId("promotion-chain");
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.addClassName("promotion-chain");
        for (int i = 0; i < chain.size(); i++) {
            ChangeView change = chain.get(i);
            if (i > 0) {
                row.add(new Span("→"));
            }
            Div step = new Div();
            step.addClassName("promotion-step");
            if (change.id().equals(shown)) {
                step.addClassName("promotion-step-shown");
            }
            step.getStyle().set("--planetary-target-colour", EnvironmentColours.ofEnvironment(change.environment()));
            Anchor link = new Anchor("changes/" + change.id(), change.target().value());
            Span status = new Span(symbol(change.status()) + " " + change.status().name().toLowerCase());
            status.addClassName("promotion-status");
            step.add(link, status);
            row.add(step);
        }
        return row;
    }

    /** Targets the change may still be promoted to (where its chain has no open or applied change), in promotion order. */
    static List<TargetView> promotable(TargetDirectory directory, List<TargetView> targets, List<ChangeView> chain) {
        Set<TargetId> reached = chain.stream().filter(c -> c.status() != ChangeStatus.REJECTED && c.status() != ChangeStatus.WITHDRAWN
                        && c.status() != ChangeStatus.FAILED)
                .map(ChangeView::target).collect(Collectors.toSet());
        String from = chain.isEmpty() ? null : chain.get(chain.size() - 1).environment();
        return directory.inPromotionOrder(targets.stream().filter(t -> !reached.contains(t.id())).toList(), from);
    }

    /** A target to choose and a button that promotes the change there. */
    static Component promoteTo(List<TargetView> targets, Consumer<TargetId> promotion) {
        Select<TargetView> target = new Select<>();
        target.setId("promote-target");
        target.setItems(targets);
        target.setItemLabelGenerator(t -> t.name() + (t.environment() == null ? "" : " · " + t.environment()));
        target.setValue(targets.get(0));
        target.setAriaLabel("Target to promote to");
        Button promote = new Button("Promote", e -> promotion.accept(target.getValue().id()));
        promote.setId("promote");
        promote.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        promote.getElement().setAttribute("title", "Propose this change again on that target: its facts are read there, "
                + "it is dry-run there and reviewed under that environment's rules");
        HorizontalLayout bar = new HorizontalLayout(new Span("Promote to"), target, promote);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    /** Under a list of applied changes: promote the chosen ones to a target, in the order they were applied. */
    static Component batch(com.vaadin.flow.component.grid.Grid<ChangeView> grid, List<TargetView> targets,
                           java.util.function.BiConsumer<List<dev.planetary.kernel.change.ChangeId>, TargetId> promotion) {
        Select<TargetView> target = new Select<>();
        target.setId("batch-promote-target");
        target.setItems(targets);
        target.setItemLabelGenerator(t -> t.name() + (t.environment() == null ? "" : " · " + t.environment()));
        if (!targets.isEmpty()) {
            target.setValue(targets.get(0));
        }
        target.setAriaLabel("Target to promote to");
        Button promote = new Button("Promote the chosen changes", e -> {
            List<dev.planetary.kernel.change.ChangeId> chosen = grid.getSelectedItems().stream()
                    .map(change -> dev.planetary.kernel.change.ChangeId.of(change.id())).toList();
            if (!chosen.isEmpty() && target.getValue() != null) {
                promotion.accept(chosen, target.getValue().id());
            }
        });
        promote.setId("batch-promote");
        promote.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Span how = new Span("in the order they were applied here; each is applied there only after the one before it");
        how.addClassName("promotion-status");
        HorizontalLayout bar = new HorizontalLayout(new Span("Promote to"), target, promote, how);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setId("batch-promotion");
        return bar;
    }

    private static String symbol(ChangeStatus status) {
        return switch (status) {
            case APPLIED -> "✔";
            case FAILED, REJECTED -> "✖";
            case WITHDRAWN -> "–";
            case DRIFTED -> "⚠";
            default -> "…";
        };
    }
}
