package dev.planetary.ui.health;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.health.HealthFinding;
import dev.planetary.kernel.health.LintReport;
import dev.planetary.kernel.health.LintRule;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.security.CurrentUser;

import java.util.Comparator;
import java.util.Locale;

/**
 * The lints over the live catalog: counts by level, then every finding with what is wrong, its fix as a
 * change one click away (requesters) and an acknowledgement with a reason (reviewers, operators), kept
 * as an event; acknowledged findings are hidden until asked for.
 */
class LintsPanel extends VerticalLayout {

    private final HealthData data;
    private final Div counts = new Div();
    private final Checkbox showAcknowledged = new Checkbox("Show acknowledged findings");
    private final Grid<HealthFinding> grid = new Grid<>(HealthFinding.class, false);
    private final Div skipped = new Div();
    private ListDataProvider<HealthFinding> rows;
    private boolean loaded;

    LintsPanel(HealthData data) {
        this.data = data;
        setPadding(false);
        setSizeFull();
        counts.setId("lint-counts");
        counts.addClassName("lint-counts");
        skipped.addClassName("health-note");
        showAcknowledged.setId("lint-show-acknowledged");
        showAcknowledged.addValueChangeListener(e -> filter());
        grid.setId("lints");
        grid.addColumn(new ComponentRenderer<>(LintsPanel::level)).setHeader("Level").setAutoWidth(true).setFlexGrow(0)
                .setComparator(Comparator.comparing(f -> f.rule().level()));
        grid.addColumn(f -> f.rule().title()).setHeader("Rule").setWidth("16em").setResizable(true).setSortable(true);
        grid.addColumn(HealthFinding::object).setHeader("Object").setWidth("14em").setResizable(true).setSortable(true);
        grid.addColumn(new ComponentRenderer<>(LintsPanel::detail)).setHeader("What is wrong").setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        add(new HorizontalLayout(counts, showAcknowledged), skipped, grid);
    }

    void showOnce() {
        if (!loaded) {
            loaded = true;
            refresh();
        }
    }

    private void refresh() {
        LintReport report = data.lints();
        rows = new ListDataProvider<>(report.findings().stream()
                .sorted(Comparator.comparing((HealthFinding f) -> f.rule().level()).thenComparing(f -> f.rule().ordinal())
                        .thenComparing(HealthFinding::object)).toList());
        grid.setItems(rows);
        counts.removeAll();
        for (LintRule.Level level : LintRule.Level.values()) {
            long open = report.findings().stream().filter(f -> f.rule().level() == level && f.acknowledged() == null).count();
            Span count = new Span(open + " " + level.name().toLowerCase(Locale.ROOT) + (open == 1 ? "" : "s"));
            count.getElement().getThemeList().add("badge " + theme(level));
            count.setId("lint-count-" + level.name().toLowerCase(Locale.ROOT));
            counts.add(count);
        }
        long acknowledged = report.findings().stream().filter(f -> f.acknowledged() != null).count();
        Span rest = new Span(acknowledged + " acknowledged · pass took " + report.millis() + " ms");
        rest.addClassName("health-note");
        counts.add(rest);
        skipped.setText(report.skipped().isEmpty() ? "" : "Not checked: " + String.join("; ", report.skipped().entrySet().stream()
                .map(e -> e.getKey().title() + " (" + e.getValue() + ")").toList()));
        skipped.setVisible(!report.skipped().isEmpty());
        filter();
    }

    private void filter() {
        if (rows != null) {
            boolean all = showAcknowledged.getValue();
            rows.setFilter(f -> all || f.acknowledged() == null);
        }
    }

    private static Span level(HealthFinding finding) {
        Span level = new Span(finding.rule().level().name().toLowerCase(Locale.ROOT));
        level.getElement().getThemeList().add("badge small " + theme(finding.rule().level()));
        return level;
    }

    private static String theme(LintRule.Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "";
            case INFO -> "contrast";
        };
    }

    private static Div detail(HealthFinding finding) {
        Div detail = new Div(new Span(finding.detail()));
        if (finding.acknowledged() != null) {
            Span by = new Span("Acknowledged by " + finding.acknowledged().by() + ": " + finding.acknowledged().reason());
            by.addClassName("health-note");
            detail.add(new Div(by));
        }
        return detail;
    }

    private HorizontalLayout actions(HealthFinding finding) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (!finding.fix().isEmpty() && CurrentUser.has(PlanetaryRight.REQUESTER)) {
            Button fix = new Button("Fix…", VaadinIcon.WRENCH.create(), e -> getUI().ifPresent(ui -> ui.navigate("propose",
                    QueryParameters.simple(finding.fix()))));
            fix.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
            fix.setTooltipText("Propose the change that fixes it");
            actions.add(fix);
        }
        if (finding.acknowledged() == null && (CurrentUser.has(PlanetaryRight.REVIEWER) || CurrentUser.has(PlanetaryRight.OPERATOR))) {
            Button acknowledge = new Button("Acknowledge…", VaadinIcon.CHECK.create(), e -> acknowledge(finding));
            acknowledge.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
            acknowledge.setId("acknowledge-" + finding.rule().name() + "-" + finding.object().replaceAll("[^A-Za-z0-9_]", "_"));
            actions.add(acknowledge);
        }
        return actions;
    }

    private void acknowledge(HealthFinding finding) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Acknowledge: " + finding.rule().title());
        TextArea reason = new TextArea("Why it stays (kept in the history)");
        reason.setWidthFull();
        reason.setId("acknowledge-reason");
        dialog.add(new Paragraph(finding.object() + ": " + finding.detail()), reason);
        Button confirm = new Button("Acknowledge", e -> {
            try {
                var acknowledged = data.acknowledge(finding.rule(), finding.object(), reason.getValue());
                dialog.close();
                Notification.show("Acknowledged; the history keeps why", 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                // the projection catches up a moment later: show the decision now
                java.util.List<HealthFinding> items = new java.util.ArrayList<>(rows.getItems());
                items.replaceAll(f -> f == finding ? f.acknowledgedBy(new HealthFinding.Acknowledgement(acknowledged.actor(),
                        acknowledged.at(), acknowledged.reason())) : f);
                rows = new ListDataProvider<>(items);
                grid.setItems(rows);
                filter();
            } catch (ChangeRuleViolation violation) {
                reason.setInvalid(true);
                reason.setErrorMessage(violation.getMessage());
            }
        });
        confirm.setId("acknowledge-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.setWidth("34em");
        dialog.open();
    }
}
