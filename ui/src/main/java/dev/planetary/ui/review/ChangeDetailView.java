package dev.planetary.ui.review;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.DryRunStatus;
import dev.planetary.kernel.change.StepStatus;
import dev.planetary.kernel.change.query.ChangeList;
import dev.planetary.kernel.change.query.ChangeQueries;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.change.query.FindHistoryQuery;
import dev.planetary.kernel.change.query.FindPromotionsQuery;
import dev.planetary.kernel.change.query.HistoryEntries;
import dev.planetary.kernel.change.query.HistoryEntry;
import dev.planetary.kernel.health.HealthQueries;
import dev.planetary.kernel.health.StatementImpact;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.request.RequestKey;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetNotAnswering;
import dev.planetary.kernel.target.TargetView;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.EnvironmentColours;
import dev.planetary.ui.target.TargetDirectory;
import dev.planetary.ui.views.MainLayout;
import dev.planetary.ui.views.SqlHighlighter;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.queryhandling.QueryGateway;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One change as a reviewer reads it: what it does, its SQL, risk, dry-run, approvals, outcome and timeline. */
@Route(value = "changes/:id", layout = MainLayout.class)
@PageTitle("Change · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class ChangeDetailView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** How long the page waits for a change proposed a moment ago to reach the read model. */
    private static final java.time.Duration JUST_PROPOSED = java.time.Duration.ofSeconds(3);
    private final QueryGateway queries;

    private final ChangeCommands commands;
    private final ChangeFeed feed;
    private final TargetDirectory targets;
    private String changeId;
    private static final long NOTHING_SHOWN = Long.MIN_VALUE;
    /** The version of the change the page shows, so a push of the same state draws nothing again. */
    private long shownVersion = NOTHING_SHOWN;
    private Runnable stopListening;

    public ChangeDetailView(QueryGateway queries, ChangeCommands commands, ChangeFeed feed, TargetDirectory targets) {
        this.queries = queries;
        this.commands = commands;
        this.feed = feed;
        this.targets = targets;
        setMaxWidth("1100px");
    }

    public static RouteParameters parameters(String id) {
        return new RouteParameters("id", id);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        changeId = event.getRouteParameters().get("id").orElse("");
        // A change proposed a moment ago may not be projected yet: on opening, wait for the projection, briefly.
        render(ChangeQueries.await(queries, ChangeId.of(changeId), 0, JUST_PROPOSED));
        // Navigating from one change to another keeps this view attached: listen to the new one.
        getUI().ifPresent(this::listen);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        listen(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopListening();
    }

    /** Hears of this page's change (its subscription delivers each new state) until detached or navigated away. */
    private void listen(UI ui) {
        stopListening();
        String listenedTo = changeId;
        stopListening = feed.listen(ChangeId.of(listenedTo), moved -> ui.access(() -> {
            // The subscription's first answer is usually what the page shows already: no redraw then.
            if (listenedTo.equals(changeId) && moved.version() != shownVersion) {
                render(Optional.of(moved));
            }
        }));
    }

    private void stopListening() {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
    }

    /** The change as projected now: what an action re-renders from (a push brings the new state itself). */
    private Optional<ChangeView> load() {
        return Optional.ofNullable(queries.query(new FindChangeQuery(ChangeId.of(changeId)), ChangeView.class).join());
    }

    private void render() {
        render(load());
    }

    private void render(Optional<ChangeView> found) {
        removeAll();
        shownVersion = found.map(ChangeView::version).orElse(NOTHING_SHOWN);
        if (found.isEmpty()) {
            add(new H2("Change not found"), new Paragraph("There is no change with id " + changeId + "."));
            return;
        }
        ChangeView change = found.get();
        Plan plan = change.plan();
        add(new H2(change.title()), badges(change), actions(change));
        promotions(change);
        add(new Paragraph(plan.summary()));
        if (!plan.riskReasons().isEmpty()) {
            add(new Paragraph("High risk: " + String.join("; ", plan.riskReasons())));
        }
        add(new H3("SQL"), sql(plan.script()));
        add(new H3("Undo"), plan.hasInverse() ? sql(plan.inverseScript())
                : new Paragraph("No inverse can be derived: " + plan.inverseNote()));
        if (plan.hasInverse() && plan.inverseNote() != null) {
            add(new Paragraph(plan.inverseNote()));
        }
        if (!plan.findings().isEmpty()) {
            add(new H3("Review notes"));
            for (LintFinding finding : plan.findings()) {
                Span line = new Span((finding.severity() == LintFinding.Severity.WARNING ? "⚠ " : "ℹ ") + finding.message());
                line.getElement().setAttribute("data-rule", finding.rule());
                add(new Div(line));
            }
        }
        add(new H3("Dry-run"), dryRun(change));
        add(new H3("Approvals (" + change.approvals().size() + " of " + change.requiredApprovals() + ")"));
        if (change.approvals().isEmpty()) {
            add(new Paragraph("None yet."));
        }
        for (ChangeView.Approval approval : change.approvals()) {
            add(new Div(new Span("✔ " + approval.reviewer() + " at " + WHEN.format(approval.at())
                    + (approval.comment() == null || approval.comment().isBlank() ? "" : ": " + approval.comment()))));
        }
        if (plan.runsOutsideTransaction()) {
            add(new H3("Steps"), StepsPanel.of(change));
        }
        outcome(change).ifPresent(outcome -> add(new H3("Outcome"), outcome));
        if (change.status() == ChangeStatus.APPLIED) {
            add(new H3("Statements on what it touched"), statementImpact());
        }
        add(new H3("Timeline"));
        for (HistoryEntry entry : queries.query(FindHistoryQuery.ofChange(changeId), HistoryEntries.class).join().entries()) {
            add(new Div(new Span(WHEN.format(entry.at()) + " · " + entry.actor() + " · " + entry.summary())));
        }
    }

    /** Read from the target when the page opens: a target that does not answer costs this section, not the page. */
    private Component statementImpact() {
        try {
            return StatementImpactPanel.of(queries.query(new HealthQueries.ChangeStatementsQuery(ChangeId.of(changeId)),
                    StatementImpact.class).join());
        } catch (java.util.concurrent.CompletionException e) {
            return StatementImpactPanel.of(StatementImpact.none(changeId, "The target's statistics could not be read: "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage())));
        }
    }

    private Component badges(ChangeView change) {
        Span status = badge(change.status().name().toLowerCase(), "");
        status.setId("change-status");
        Span risk = badge(change.risk().name().toLowerCase() + " risk", change.risk().name().equals("HIGH") ? "risk-high" : "risk-low");
        Span target = badge(change.target() + (change.environment() == null ? "" : " · " + change.environment()), "");
        target.setId("change-target");
        target.getStyle().set("border-left", "4px solid " + EnvironmentColours.ofEnvironment(change.environment()));
        return new HorizontalLayout(status, target, risk, badge(change.kind(), ""), badge("by " + change.requester(), ""),
                badge("revision " + change.revision(), ""),
                badge(change.approvals().size() + " / " + change.requiredApprovals() + " approvals", ""));
    }

    private Component actions(ChangeView change) {
        ChangeActions allowed = ChangeActions.of(change, CurrentUser.login(), CurrentUser.rights());
        HorizontalLayout bar = new HorizontalLayout();
        bar.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        if (allowed.approve()) {
            TextField comment = new TextField();
            comment.setPlaceholder("Comment (optional)");
            comment.setId("approval-comment");
            comment.setWidth("20em");
            bar.add(comment);
            RequestKey approval = ChangeCommands.newKey();
            Button approve = new Button("Approve", e -> act(() -> commands.approve(ChangeId.of(changeId), change.revision(),
                    comment.getValue().isBlank() ? null : comment.getValue().strip(), approval), "Approved"));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            approve.setId("approve");
            bar.add(approve);
        }
        if (allowed.reject()) {
            Button reject = new Button("Reject…", e -> askReason());
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            reject.setId("reject");
            bar.add(reject);
        }
        if (allowed.revise()) {
            Button revise = new Button("Revise", e -> getUI().ifPresent(ui -> ui.navigate("propose",
                    com.vaadin.flow.router.QueryParameters.of("revise", changeId))));
            revise.setId("revise");
            bar.add(revise);
        }
        if (allowed.unprotect()) {
            Button unprotect = new Button("Unprotect…", e -> getUI().ifPresent(ui -> ui.navigate("propose",
                    com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("kind", "unprotect-table", "protectedBy", changeId)))));
            unprotect.setId("unprotect");
            unprotect.getElement().setAttribute("title", "Propose the inverse change: views go, former grants and policies return");
            bar.add(unprotect);
        }
        if (allowed.rollOut()) {
            RequestKey rollout = ChangeCommands.newKey();
            Button rollOut = new Button("Roll out now", e -> act(() -> commands.rollOut(ChangeId.of(changeId), rollout),
                    "Rolled out: applying"));
            rollOut.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            rollOut.setId("roll-out");
            rollOut.getElement().setAttribute("title", "This environment leaves the apply of an approved change to an operator");
            bar.add(rollOut);
        }
        if (allowed.withdraw()) {
            RequestKey withdrawal = ChangeCommands.newKey();
            Button withdraw = new Button("Withdraw", e -> act(() -> commands.withdraw(ChangeId.of(changeId), withdrawal), "Withdrawn"));
            withdraw.setId("withdraw");
            bar.add(withdraw);
        }
        return bar;
    }

    private void askReason() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reject this change");
        TextArea reason = new TextArea("Reason");
        RequestKey rejection = ChangeCommands.newKey();
        reason.setWidth("28em");
        reason.setId("rejection-reason");
        Button confirm = new Button("Reject", e -> {
            if (reason.getValue() == null || reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Say why, so the requester can revise it");
                return;
            }
            dialog.close();
            act(() -> commands.reject(ChangeId.of(changeId), reason.getValue(), rejection), "Rejected");
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("confirm-rejection");
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    /** Where the change has been, target by target, and (applied, for requesters) where it may go next. */
    private void promotions(ChangeView change) {
        List<ChangeView> chain;
        try {
            chain = queries.query(new FindPromotionsQuery(ChangeId.of(changeId)), ChangeList.class).join().changes();
        } catch (RuntimeException e) {
            if (!(e instanceof TargetNotAnswering) && !(e.getCause() instanceof TargetNotAnswering)) {
                throw e;
            }
            // The rest of the page is Planetary's own record and stays readable while the target is down.
            Paragraph unknown = new Paragraph("Where this change has been is not shown: " + e.getMessage() + ".");
            unknown.setId("promotions-unavailable");
            add(unknown);
            return;
        }
        if (chain.size() > 1) {
            add(new H3("Where this change has been"), PromotionPanel.chain(chain, changeId));
        }
        if (change.status() == ChangeStatus.APPLIED && CurrentUser.has(PlanetaryRight.REQUESTER)) {
            List<TargetView> promotable = PromotionPanel.promotable(targets, targets.all(), chain);
            if (!promotable.isEmpty()) {
                Map<TargetId, RequestKey> promotions = new HashMap<>();
                add(PromotionPanel.promoteTo(promotable, target -> promote(target,
                        promotions.computeIfAbsent(target, ignored -> ChangeCommands.newKey()))));
            }
        }
    }

    private void promote(TargetId target, RequestKey key) {
        try {
            ChangeId promoted = commands.promote(ChangeId.of(changeId), target, key);
            Notification.show("Promoted to " + target + ": proposed there for review", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(ChangeDetailView.class, parameters(promoted.value())));
        } catch (ChangeRuleViolation | dev.planetary.kernel.spec.SpecViolation
                 | org.springframework.security.access.AccessDeniedException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void act(Runnable command, String done) {
        try {
            command.run();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ChangeRuleViolation e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        render();
    }

    private Component dryRun(ChangeView change) {
        if (change.dryRunStatus() == DryRunStatus.PENDING || change.dryRun() == null) {
            return new Paragraph("Running…");
        }
        VerticalLayout result = new VerticalLayout();
        result.setPadding(false);
        result.setSpacing(false);
        result.add(change.dryRun().passed()
                ? new Paragraph("✔ Passed in " + change.dryRun().durationMillis() + " ms: the plan ran on the target in a transaction that was rolled back.")
                : error("✘ Failed", change.dryRun().error()));
        for (String note : change.dryRun().notes()) {
            Paragraph line = new Paragraph("ℹ " + note);
            line.addClassName("dry-run-note");
            result.add(line);
        }
        if (change.dryRun().passed() || !change.dryRun().changes().isEmpty()) {
            result.add(CatalogChanges.of(change.dryRun().changes()));
        }
        if (change.dryRun().passed()) {
            result.add(LockTable.of(change.dryRun()));
        }
        return result;
    }

    private Optional<Component> outcome(ChangeView change) {
        return switch (change.status()) {
            case APPLIED -> Optional.of(new Paragraph("✔ Applied at " + WHEN.format(change.updatedAt()) + "."));
            case FAILED -> Optional.of(failed(change));
            case DRIFTED -> {
                Paragraph drifted = new Paragraph("⚠ Drift: " + change.failureNote());
                drifted.setId("drifted");
                yield Optional.of(drifted);
            }
            case REJECTED -> Optional.of(new Paragraph("Rejected by " + change.rejection().by() + ": " + change.rejection().reason()));
            case WITHDRAWN -> Optional.of(new Paragraph("Withdrawn by " + change.withdrawal().by()
                    + (change.withdrawal().reason() == null ? "" : ": " + change.withdrawal().reason())));
            case APPROVED -> Optional.of(new Paragraph(change.awaitingRollout()
                    ? "Approved: waiting for an operator to roll it out (the rule of " + change.environment() + ")."
                    : change.appliesAfter() != null
                    ? "Approved: applied once change " + change.appliesAfter() + ", the one before it in its promotion, is."
                    : "Approved: being applied."));
            case APPLYING -> change.waiting() != null ? Optional.of(waiting(change.waiting())) : Optional.of(new Paragraph(change.plan().runsOutsideTransaction()
                    ? "Applying step by step: " + change.steps().stream().filter(s -> s.status() == StepStatus.FINISHED
                    || s.status() == StepStatus.SKIPPED).count() + " of " + change.plan().steps().size() + " steps done."
                    : "Approved: being applied."));
            default -> Optional.empty();
        };
    }

    /** The target cannot be reached: the apply waits, and says so rather than looking stuck. */
    private static Component waiting(ChangeView.Waiting waiting) {
        // an icon, not an emoji glyph: the fonts of a headless or minimal desktop may lack the pause sign
        com.vaadin.flow.component.icon.Icon clock = com.vaadin.flow.component.icon.VaadinIcon.CLOCK.create();
        clock.setSize("var(--lumo-icon-size-s)");
        clock.getStyle().set("margin-right", "var(--lumo-space-xs)");
        Paragraph paragraph = new Paragraph(clock, new Span("Waiting for the target since " + WHEN.format(waiting.since())
                + ": it cannot be reached (" + waiting.reason().message() + "). Nothing is marked applied; Planetary keeps trying and"
                + " applies it once, when the target answers."));
        paragraph.setId("apply-waiting");
        paragraph.getStyle().set("color", "var(--lumo-warning-text-color, #8a5a00)");
        return paragraph;
    }

    private static Component failed(ChangeView change) {
        Component error = error("✘ The apply failed", change.failure());
        if (change.failureNote() == null) {
            return error;
        }
        Paragraph note = new Paragraph(change.failureNote());
        note.setId("failure-note");
        return new Div(error, note);
    }

    private static Component error(String headline, dev.planetary.kernel.change.SqlError error) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.add(new Paragraph(headline + (FailureAdvice.refusedByPlanetary(error) ? " — Planetary's catalog guard: " : " — PostgreSQL said: ")
                + error.message() + " (SQLSTATE " + error.sqlState() + ")"));
        if (error.detail() != null) {
            box.add(new Paragraph("Detail: " + error.detail()));
        }
        if (error.hint() != null) {
            box.add(new Paragraph("Hint: " + error.hint()));
        }
        box.add(new Paragraph("What to do: " + FailureAdvice.of(error)));
        box.setId("failure");
        return box;
    }

    private static Span badge(String text, String css) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        if (!css.isEmpty()) {
            badge.addClassName(css);
        }
        return badge;
    }

    static Component sql(String script) {
        Html html = new Html("<pre class=\"sql\">" + SqlHighlighter.html(script) + "</pre>");
        return html;
    }
}
