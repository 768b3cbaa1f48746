package dev.planetary.ui.operations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.registration.RegistrationCommands.DisableTargetCommand;
import dev.planetary.kernel.target.TargetHealth;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetView;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.target.EnvironmentColours;
import dev.planetary.ui.target.TargetDirectory;
import dev.planetary.ui.target.TargetSwitcher;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every target at a glance, one column per environment: each target's health, its open changes and
 * its drift of the last seven days, in its environment's colour. A card switches the session to it.
 * Operators register targets here (reviewed by someone else) and disable those registered.
 */
@Route(value = "targets", layout = MainLayout.class)
@PageTitle("Targets · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class TargetsView extends VerticalLayout {

    /** How often the page reads the targets again: health is checked in the background every ten seconds. */
    private static final int REFRESH_MILLIS = 5_000;
    /** While a connection test runs, its outcome is shown as soon as it is in. */
    private static final int TESTING_REFRESH_MILLIS = 1_000;

    private final TargetDirectory directory;
    private final CommandGateway commands;
    private final TargetRegistrationsPanel registrations;
    private List<TargetView> targets;
    private final FlexLayout environments = new FlexLayout();
    private final Paragraph summary = new Paragraph();
    private final TextField filter = new TextField();
    private com.vaadin.flow.shared.Registration polling;
    private int pollInterval = REFRESH_MILLIS;

    public TargetsView(TargetDirectory directory, QueryGateway queries, CommandGateway commands) {
        this.directory = directory;
        this.commands = commands;
        this.registrations = new TargetRegistrationsPanel(queries, commands, this::refresh);
        summary.setId("targets-summary");
        filter.setPlaceholder("Filter by name or environment");
        filter.setClearButtonVisible(true);
        filter.setWidth("20em");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> show(e.getValue()));
        environments.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        environments.getStyle().set("gap", "var(--lumo-space-l)");
        environments.setId("target-environments");
        HorizontalLayout heading = new HorizontalLayout(new H2("Targets"));
        heading.setAlignItems(Alignment.BASELINE);
        if (CurrentUser.signInRights().contains(PlanetaryRight.OPERATOR)) {
            Button register = new Button("Register a target", VaadinIcon.PLUS.create(), e -> new RegisterTargetDialog(commands,
                    directory.environments(targets), this::refresh).open());
            register.setId("register-target");
            register.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            heading.add(register);
        }
        add(heading, summary, filter, environments, registrations);
        refresh();
        addAttachListener(attach -> {
            attach.getUI().setPollInterval(pollInterval);
            polling = attach.getUI().addPollListener(poll -> refresh());
        });
        addDetachListener(detach -> {
            detach.getUI().setPollInterval(-1);
            polling.remove();
        });
    }

    private void refresh() {
        targets = directory.all();
        pollInterval = registrations.refresh() ? TESTING_REFRESH_MILLIS : REFRESH_MILLIS;
        getUI().filter(ui -> ui.getPollInterval() > 0).ifPresent(ui -> ui.setPollInterval(pollInterval));
        long down = targets.stream().filter(t -> t.health().status() == TargetHealth.Status.UNREACHABLE).count();
        long unchecked = targets.stream().filter(t -> t.health().status() == TargetHealth.Status.UNKNOWN).count();
        summary.setText(targets.size() + " target(s)" + (down == 0 ? "" : ", " + down + " unreachable")
                + (unchecked == 0 ? "" : ", " + unchecked + " not checked yet")
                + (down == 0 && unchecked == 0 ? ", all reachable at the last check" : ""));
        show(filter.getValue());
    }

    private void show(String filter) {
        environments.removeAll();
        String wanted = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        Map<String, List<TargetView>> byEnvironment = new LinkedHashMap<>();
        for (TargetView target : targets) {
            if (wanted.isEmpty() || (target.name() + " " + target.id() + " " + target.environment()).toLowerCase(Locale.ROOT)
                    .contains(wanted)) {
                byEnvironment.computeIfAbsent(target.environment() == null ? "no environment" : target.environment(),
                        e -> new java.util.ArrayList<>()).add(target);
            }
        }
        if (byEnvironment.isEmpty()) {
            environments.add(new Paragraph("No target matches \"" + filter + "\"."));
        }
        TargetId current = CurrentTarget.id();
        byEnvironment.forEach((environment, members) -> {
            VerticalLayout column = new VerticalLayout();
            column.setPadding(false);
            column.setWidth("auto");
            H3 heading = new H3(environment);
            heading.getStyle().set("color", EnvironmentColours.ofEnvironment(environment)).set("margin", "0");
            column.add(heading);
            members.forEach(target -> column.add(card(target, target.id().equals(current))));
            environments.add(column);
        });
    }

    private Div card(TargetView target, boolean current) {
        Div card = new Div();
        card.addClassName("target-card");
        if (current) {
            card.addClassName("target-card-current");
        }
        card.setId("target-" + target.id());
        card.getStyle().set("--planetary-target-colour", EnvironmentColours.of(target));
        Span figures = new Span(target.openChanges() + " open change(s) · " + target.recentDrift() + " drift (7 days)");
        figures.addClassName("target-figures");
        Span id = new Span(target.id().value() + (target.home() ? " · sign-in target" : ""));
        id.addClassName("target-figures");
        card.add(new H4(target.name()), id, new Div(TargetSwitcher.healthBadge(target.health())), new Div(figures));
        if (target.health().serverVersion() != null) {
            Span version = new Span("PostgreSQL " + target.health().serverVersion());
            version.addClassName("target-figures");
            card.add(new Div(version));
        }
        if (!current) {
            Button open = new Button("Work on this target", e -> {
                CurrentTarget.choose(target.id());
                getUI().ifPresent(ui -> ui.getPage().reload());
            });
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            com.vaadin.flow.component.html.Anchor compare = new com.vaadin.flow.component.html.Anchor(
                    "targets/compare?like=" + CurrentTarget.id() + "&target=" + target.id(), "Compare with " + CurrentTarget.id());
            card.add(open, new Div(compare));
        } else {
            Span here = new Span("You are working on this target");
            here.addClassName("target-figures");
            card.add(new Div(here));
        }
        if (target.registered()) {
            Span registered = new Span("registered at run time");
            registered.getElement().getThemeList().add("badge contrast small");
            card.add(new Div(registered));
            if (CurrentUser.signInRights().contains(PlanetaryRight.OPERATOR)) {
                Button disable = new Button("Disable…", e -> confirmDisable(target));
                disable.setId("disable-" + target.id());
                disable.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                card.add(disable);
            }
        }
        return card;
    }

    /** Disabling closes the target's connections and takes it off every list; its changes and history stay. */
    private void confirmDisable(TargetView target) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Disable " + target.name() + "?");
        dialog.setId("disable-target-dialog");
        TextField reason = new TextField("Why");
        reason.setWidthFull();
        reason.setId("disable-target-reason");
        Paragraph what = new Paragraph("Planetary closes its connections and stops offering it. Its changes and their "
                + "history stay; registering it again needs a new connection test and review.");
        dialog.add(what, reason);
        Button confirm = new Button("Disable", e -> {
            try {
                commands.sendAndWait(new DisableTargetCommand(target.id(), CurrentUser.login(), reason.getValue()));
                dialog.close();
                Notification.show(target.id() + " is disabled", 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (ChangeRuleViolation violation) {
                reason.setErrorMessage(violation.getMessage());
                reason.setInvalid(true);
            } catch (AccessDeniedException denied) {
                Notification.show(denied.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.setId("disable-target-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }
}
