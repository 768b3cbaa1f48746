package dev.planetary.ui.health;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.planetary.kernel.health.SessionActivity;
import dev.planetary.kernel.health.SessionSignal;
import dev.planetary.kernel.health.WaitGraph;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.security.CurrentUser;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Who blocks whom, drawn, and every session of the target's database below it; operators cancel a
 * query or end a session from here (saying why), everyone else sees the same without the buttons.
 */
class LocksPanel extends VerticalLayout {

    private final HealthData data;
    private final Runnable refresh;
    private final Div picture = new Div();
    private final Grid<SessionActivity> sessions = new Grid<>(SessionActivity.class, false);
    private Instant now = Instant.EPOCH;

    LocksPanel(HealthData data, Runnable refresh) {
        this.data = data;
        this.refresh = refresh;
        setPadding(false);
        setSizeFull();
        picture.setId("lock-tree");
        picture.getStyle().set("flex", "none"); // the picture keeps its height; the sessions grid takes what is left
        picture.addClassName("lock-tree");
        sessions.setId("health-sessions");
        sessions.addColumn(SessionActivity::pid).setHeader("pid").setAutoWidth(true).setSortable(true);
        sessions.addColumn(SessionActivity::role).setHeader("Role").setAutoWidth(true).setSortable(true);
        sessions.addColumn(SessionActivity::application).setHeader("Application").setWidth("10em").setFlexGrow(0);
        sessions.addColumn(new ComponentRenderer<>(LocksPanel::state)).setHeader("State").setAutoWidth(true);
        sessions.addColumn(s -> Ages.since(s.queryStart(), now)).setHeader("Query for").setAutoWidth(true)
                .setComparator(Comparator.comparing(SessionActivity::queryStart, Comparator.nullsLast(Comparator.naturalOrder())))
                .setTooltipGenerator(s -> s.transactionStart() == null ? "no open transaction"
                        : "transaction open for " + Ages.since(s.transactionStart(), now));
        sessions.addColumn(LocksPanel::waitsFor).setHeader("Waits for").setWidth("14em").setFlexGrow(0);
        sessions.addColumn(new ComponentRenderer<>(s -> {
            Span text = new Span(s.query() == null ? "" : s.query());
            text.addClassName("health-sql");
            text.getElement().setAttribute("title", s.query() == null ? "" : s.query());
            return text;
        })).setHeader("Last statement").setWidth("14em").setFlexGrow(3);
        if (CurrentUser.has(PlanetaryRight.OPERATOR)) {
            sessions.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        }
        sessions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        sessions.setSizeFull();
        add(new H4("Who blocks whom"), picture, new H4("Sessions of this server"), sessions);
    }

    void show(List<SessionActivity> all, Instant readAt) {
        now = readAt;
        WaitGraph graph = WaitGraph.of(all);
        picture.removeAll();
        if (graph.isEmpty()) {
            Span calm = new Span(VaadinIcon.CHECK_CIRCLE.create(), new Span(" No session waits for another's lock right now."));
            calm.setId("lock-tree-empty");
            calm.addClassName("health-calm");
            picture.add(calm);
        } else {
            // Html roots its element in the HTML namespace: wrap the SVG so the browser parses it as SVG.
            picture.add(new Html("<div>" + WaitGraphPicture.svg(graph, readAt) + "</div>"));
        }
        sessions.setItems(all.stream().sorted(Comparator.comparing((SessionActivity s) -> !s.blocked())
                .thenComparing(SessionActivity::queryStart, Comparator.nullsLast(Comparator.naturalOrder()))).toList());
    }

    private static Span state(SessionActivity session) {
        Span state = new Span(session.displayState());
        state.getElement().getThemeList().add("badge small " + switch (session.displayState()) {
            case "active" -> "success";
            case "waiting" -> "error";
            case "idle in transaction", "idle in transaction (aborted)" -> "contrast";
            default -> "";
        });
        return state;
    }

    /** What a session waits for, when it waits for another session (a lock) rather than for its client or for work. */
    private static String waitsFor(SessionActivity session) {
        if (session.waitEvent() == null || "Client".equals(session.waitEventType()) || "Activity".equals(session.waitEventType())) {
            return "";
        }
        return session.waitingFor() != null ? session.waitingFor() : session.waitEventType() + ": " + session.waitEvent();
    }

    /** Cancel for a session running or waiting on a statement; terminate for any (an idle transaction holding locks). */
    private HorizontalLayout actions(SessionActivity session) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        if ("active".equals(session.state()) || session.blocked()) {
            buttons.add(action(VaadinIcon.STOP, "Cancel the running statement", "cancel-", session, SessionSignal.CANCEL));
        }
        Button terminate = action(VaadinIcon.CLOSE_CIRCLE, "Terminate the session", "terminate-", session, SessionSignal.TERMINATE);
        terminate.addThemeVariants(ButtonVariant.LUMO_ERROR);
        buttons.add(terminate);
        return buttons;
    }

    private Button action(VaadinIcon icon, String tooltip, String idPrefix, SessionActivity session, SessionSignal signal) {
        Button button = new Button(icon.create(), e -> new SignalDialog(data, session, signal, refresh).open());
        button.setId(idPrefix + session.pid());
        button.setTooltipText(tooltip);
        button.getElement().setAttribute("aria-label", tooltip + " " + session.pid());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        return button;
    }
}
