package dev.planetary.ui.operations;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.registration.ConnectionTest;
import dev.planetary.kernel.registration.RegistrationCommands.ApproveTargetRegistrationCommand;
import dev.planetary.kernel.registration.RegistrationCommands.RejectTargetRegistrationCommand;
import dev.planetary.kernel.registration.RegistrationCommands.TestTargetConnectionCommand;
import dev.planetary.kernel.registration.RegistrationQueries.FindTargetRegistrationsQuery;
import dev.planetary.kernel.registration.RegistrationQueries.TargetRegistrationView;
import dev.planetary.kernel.registration.RegistrationStatus;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.EnvironmentColours;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Targets asked for and decided: each waiting registration with its connection test, check by
 * check, and the reviewer's buttons; below, the decisions already taken (who, when, why). The
 * buttons follow the rights read at sign-in (Planetary's configuration is the home target's
 * business); the command bus checks again.
 */
class TargetRegistrationsPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Runnable changed;
    private final FlexLayout waiting = new FlexLayout();
    private final VerticalLayout decided = new VerticalLayout();

    TargetRegistrationsPanel(QueryGateway queries, CommandGateway commands, Runnable changed) {
        this.queries = queries;
        this.commands = commands;
        this.changed = changed;
        setId("target-registrations");
        setPadding(false);
        waiting.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        waiting.getStyle().set("gap", "var(--lumo-space-l)");
        decided.setPadding(false);
        decided.setSpacing(false);
    }

    /** Reads the registrations again; answers whether a connection test is still running. */
    boolean refresh() {
        List<TargetRegistrationView> all = queries.query(new FindTargetRegistrationsQuery(),
                ResponseTypes.multipleInstancesOf(TargetRegistrationView.class)).join();
        removeAll();
        waiting.removeAll();
        decided.removeAll();
        if (all.isEmpty()) {
            return false;
        }
        List<TargetRegistrationView> open = all.stream().filter(r -> r.status() == RegistrationStatus.REQUESTED).toList();
        add(new H3("Registrations"));
        if (open.isEmpty()) {
            Span none = new Span("No target is waiting for review.");
            none.addClassName("target-figures");
            add(none);
        } else {
            open.forEach(registration -> waiting.add(card(registration)));
            add(waiting);
        }
        all.stream().filter(r -> r.status() != RegistrationStatus.REQUESTED).limit(10).forEach(r -> decided.add(decision(r)));
        if (decided.getComponentCount() > 0) {
            Span caption = new Span("Decided");
            caption.addClassName("registration-caption");
            add(caption, decided);
        }
        return open.stream().anyMatch(TargetRegistrationView::testing);
    }

    private Div card(TargetRegistrationView registration) {
        Div card = new Div();
        card.addClassNames("target-card", "registration-card");
        card.setId("registration-" + registration.target());
        card.getStyle().set("--planetary-target-colour", registration.settings().colour() != null ? registration.settings().colour()
                : EnvironmentColours.ofEnvironment(registration.settings().environment()));
        String name = registration.settings().name() == null ? registration.target().value() : registration.settings().name();
        Span about = new Span(registration.target() + " · " + registration.settings().environment() + " · asked by "
                + registration.requestedBy() + " " + WHEN.format(registration.requestedAt()));
        about.addClassName("target-figures");
        Span where = new Span(registration.settings().url());
        where.addClassNames("target-figures", "registration-url");
        Span logins = new Span("logins: " + registration.settings().metadataLogin() + " (metadata), "
                + registration.settings().ddlLogin() + " (DDL)");
        logins.addClassName("target-figures");
        card.add(new H4(name), new Div(about), new Div(where), new Div(logins), checks(registration));
        card.add(actions(registration));
        return card;
    }

    private Component checks(TargetRegistrationView registration) {
        if (registration.testing() || registration.test() == null) {
            ProgressBar testing = new ProgressBar();
            testing.setIndeterminate(true);
            Span label = new Span("Testing the connection…");
            label.addClassName("target-figures");
            Div running = new Div(label, testing);
            running.addClassName("registration-testing");
            return running;
        }
        ConnectionTest test = registration.test();
        Div list = new Div();
        list.addClassName("connection-checks");
        for (ConnectionTest.Check check : test.checks()) {
            Icon icon = switch (check.outcome()) {
                case PASSED -> VaadinIcon.CHECK_CIRCLE.create();
                case WARNING -> VaadinIcon.WARNING.create();
                case FAILED -> VaadinIcon.CLOSE_CIRCLE.create();
            };
            icon.addClassName("check-" + check.outcome().name().toLowerCase());
            Span what = new Span(check.what());
            what.addClassName("check-what");
            Span detail = new Span(check.detail());
            detail.addClassName("target-figures");
            Div line = new Div(icon, new Div(what, new Div(detail)));
            line.addClassName("connection-check");
            list.add(line);
        }
        Span verdict = new Span(test.passed() ? "Connection test passed in " + test.millis() + " ms"
                : "Connection test failed: fix what it found, then test again");
        verdict.getElement().getThemeList().add(test.passed() ? "badge success" : "badge error");
        verdict.setId("registration-verdict-" + registration.target());
        return new Div(verdict, list);
    }

    private Component actions(TargetRegistrationView registration) {
        Set<PlanetaryRight> rights = CurrentUser.signInRights();
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(true);
        boolean mine = registration.requestedBy().equals(CurrentUser.login());
        boolean reviews = rights.contains(PlanetaryRight.REVIEWER) || rights.contains(PlanetaryRight.OPERATOR);
        if (reviews && !mine) {
            Button approve = new Button("Approve", e -> act(() -> commands.sendAndWait(new ApproveTargetRegistrationCommand(
                    registration.target(), CurrentUser.login(), null)), registration.target() + " is registered and in use"));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
            approve.setEnabled(registration.test() != null && registration.test().passed() && !registration.testing());
            approve.setId("registration-approve-" + registration.target());
            actions.add(approve);
        }
        if (reviews) {
            TextField reason = new TextField();
            reason.setPlaceholder(mine ? "Why withdraw?" : "Why reject?");
            reason.addThemeVariants(com.vaadin.flow.component.textfield.TextFieldVariant.LUMO_SMALL);
            Button reject = new Button(mine ? "Withdraw" : "Reject", e -> act(() -> commands.sendAndWait(
                    new RejectTargetRegistrationCommand(registration.target(), CurrentUser.login(), reason.getValue())),
                    registration.target() + (mine ? " withdrawn" : " rejected")));
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            reject.setId("registration-reject-" + registration.target());
            actions.add(reason, reject);
        }
        if (rights.contains(PlanetaryRight.OPERATOR)) {
            Button again = new Button("Test again", e -> act(() -> commands.sendAndWait(new TestTargetConnectionCommand(
                    registration.target(), CurrentUser.login())), "Testing the connection to " + registration.target() + " again"));
            again.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            again.setEnabled(!registration.testing());
            again.setId("registration-test-" + registration.target());
            actions.add(again);
        }
        if (mine && actions.getComponentCount() > 0) {
            Span note = new Span("Someone else approves a target you asked for.");
            note.addClassName("target-figures");
            return new Div(actions, note);
        }
        return actions;
    }

    private Component decision(TargetRegistrationView registration) {
        String verb = switch (registration.status()) {
            case REGISTERED -> "registered, approved by ";
            case REJECTED -> "rejected by ";
            case DISABLED -> "disabled by ";
            case REQUESTED -> "asked by ";
        };
        Span line = new Span(registration.target() + " (" + registration.settings().environment() + "): " + verb
                + registration.decidedBy() + (registration.decidedAt() == null ? "" : " " + WHEN.format(registration.decidedAt()))
                + (registration.reason() == null || registration.reason().isBlank() ? "" : " — " + registration.reason()));
        line.addClassName("target-figures");
        line.setId("decision-" + registration.target());
        return line;
    }

    private void act(Runnable command, String done) {
        try {
            command.run();
            Notification.show(done, 4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changed.run();
        } catch (ChangeRuleViolation | AccessDeniedException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
