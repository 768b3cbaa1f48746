package dev.planetary.ui.health;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.planetary.kernel.health.CacheHitRatio;
import dev.planetary.kernel.health.ConnectionSummary;
import dev.planetary.kernel.health.SessionActivity;
import dev.planetary.kernel.health.TableHealth;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The target at a glance: cache hit ratios, connections by state against the server's limit, the
 * longest-running query, the oldest transaction, the table closest to wraparound and the one with
 * the most dead rows; then the connections by role and application.
 */
class OverviewPanel extends VerticalLayout {

    static final Map<String, String> STATE_COLOURS = Map.of("active", Gauges.GOOD, "waiting", Gauges.BAD,
            "idle in transaction", Gauges.WARN, "idle in transaction (aborted)", "#6d4c41", "idle", "#90a4ae");

    private final FlexLayout cards = new FlexLayout();
    private final Grid<ConnectionSummary.Group> groups = new Grid<>(ConnectionSummary.Group.class, false);

    OverviewPanel() {
        setPadding(false);
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        cards.setId("health-cards");
        groups.setId("health-connection-groups");
        groups.addColumn(ConnectionSummary.Group::role).setHeader("Role").setAutoWidth(true);
        groups.addColumn(g -> g.application().isEmpty() ? "(none)" : g.application()).setHeader("Application").setFlexGrow(2);
        groups.addColumn(ConnectionSummary.Group::total).setHeader("Sessions");
        groups.addColumn(ConnectionSummary.Group::active).setHeader("Active");
        groups.addColumn(ConnectionSummary.Group::idle).setHeader("Idle");
        groups.addColumn(ConnectionSummary.Group::idleInTransaction).setHeader("Idle in transaction");
        groups.addColumn(ConnectionSummary.Group::waiting).setHeader("Waiting");
        groups.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        groups.setAllRowsVisible(true);
        add(cards, new H4("Connections by role and application"), groups);
    }

    void show(CacheHitRatio cache, ConnectionSummary connections, List<TableHealth> tables, Instant now) {
        cards.removeAll();
        cards.add(card("Cache hit ratio", "health-cache",
                labelled("Tables", Gauges.highIsGood(cache.tablesPercent(), 99, 95)),
                labelled("Indexes", Gauges.highIsGood(cache.indexesPercent(), 99, 95)),
                note("since the statistics were last reset; below 99 % the data read outgrows shared_buffers")));
        cards.add(card("Connections", "health-connections", connectionBar(connections), legend(connections)));
        cards.add(session("Longest-running query", "health-longest", connections.longestRunning(),
                s -> Ages.since(s.queryStart(), now), now));
        cards.add(session("Oldest open transaction", "health-oldest-transaction", connections.oldestTransaction(),
                s -> Ages.since(s.transactionStart(), now), now));
        tables.stream().max(Comparator.comparingLong(TableHealth::transactionIdAge)).ifPresent(oldest -> cards.add(card(
                "Closest to wraparound", "health-wraparound", new Span(oldest.qualifiedName()),
                Gauges.lowIsGood(100.0 * oldest.transactionIdAge() / TableHealth.WRAPAROUND_LIMIT, 10, 50),
                note(Ages.count(oldest.transactionIdAge()) + " transactions old, "
                        + Ages.count(oldest.transactionIdsToWraparound()) + " to go"))));
        tables.stream().max(Comparator.comparingLong(TableHealth::deadTuples)).filter(t -> t.deadTuples() > 0)
                .ifPresent(dead -> cards.add(card("Most dead rows", "health-dead", new Span(dead.qualifiedName()),
                        Gauges.lowIsGood(dead.deadPercent(), 10, 20),
                        note(Ages.count(dead.deadTuples()) + " dead rows; last vacuum " + Ages.since(dead.lastVacuumOfAnyKind(), now)
                                + (dead.lastVacuumOfAnyKind() == null ? "" : " ago")))));
        groups.setItems(connections.byRoleAndApplication());
    }

    private static Div connectionBar(ConnectionSummary connections) {
        Div bar = new Div();
        bar.addClassName("size-bar");
        bar.addClassName("connection-bar");
        connections.byState().forEach((state, count) -> {
            Div part = new Div();
            part.getStyle().set("width", 100.0 * count / Math.max(1, connections.maxConnections()) + "%")
                    .set("background", STATE_COLOURS.getOrDefault(state, "#607d8b"));
            part.getElement().setAttribute("title", count + " " + state);
            bar.add(part);
        });
        Span figure = new Span(connections.total() + " of " + connections.maxConnections() + " connections used");
        figure.addClassName("health-figure");
        return new Div(figure, bar);
    }

    private static Div legend(ConnectionSummary connections) {
        Div legend = new Div();
        legend.addClassName("health-legend");
        connections.byState().forEach((state, count) -> {
            Span swatch = new Span();
            swatch.addClassName("health-swatch");
            swatch.getStyle().set("background", STATE_COLOURS.getOrDefault(state, "#607d8b"));
            legend.add(new Span(swatch, new Span(count + " " + state)));
        });
        return legend;
    }

    private static Div session(String title, String id, SessionActivity session,
                               java.util.function.Function<SessionActivity, String> age, Instant now) {
        if (session == null) {
            return card(title, id, note("none right now"));
        }
        Span who = new Span("pid " + session.pid() + " · " + session.role() + " · " + age.apply(session));
        who.addClassName("health-figure");
        Span query = new Span(session.query() == null ? "" : session.query());
        query.addClassName("health-sql");
        query.getElement().setAttribute("title", session.query() == null ? "" : session.query());
        return card(title, id, who, query, note(session.displayState()));
    }

    private static Div labelled(String label, Component gauge) {
        Div row = new Div(new Span(label), gauge);
        row.addClassName("health-labelled");
        return row;
    }

    private static Span note(String text) {
        Span note = new Span(text);
        note.addClassName("health-note");
        return note;
    }

    private static Div card(String title, String id, Component... content) {
        Div card = new Div();
        card.addClassName("health-card");
        card.setId(id);
        H4 heading = new H4(title);
        card.add(heading);
        card.add(content);
        return card;
    }
}
