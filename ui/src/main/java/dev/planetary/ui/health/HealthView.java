package dev.planetary.ui.health;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.health.LiveActivity;
import dev.planetary.kernel.health.TableHealth;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Operations → Health: the live state of the session's target, read from its statistics views with
 * short timeouts (never a table's rows). The overview and the locks refresh every ten seconds while
 * open; the tables and the top queries when asked.
 */
@Route(value = "health", layout = MainLayout.class)
@PageTitle("Health · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class HealthView extends VerticalLayout {

    static final int REFRESH_MILLIS = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final HealthData data;
    private final Clock clock;
    private final OverviewPanel overview = new OverviewPanel();
    private final TablesPanel tables = new TablesPanel();
    private final QueriesPanel queries;
    private final LocksPanel locks;
    private final BloatPanel bloat;
    private final OverTimePanel overTime;
    private final LintsPanel lints;
    private final TabSheet tabs = new TabSheet();
    private final Span readAt = new Span();
    private List<TableHealth> tableRows = List.of();
    private com.vaadin.flow.shared.Registration polling;

    public HealthView(HealthData data, Clock clock) {
        this.data = data;
        this.clock = clock;
        this.queries = new QueriesPanel(order -> showQueries());
        this.locks = new LocksPanel(data, this::refreshLive);
        this.bloat = new BloatPanel(data);
        this.overTime = new OverTimePanel(data);
        this.lints = new LintsPanel(data);
        setSizeFull();
        readAt.setId("health-read-at");
        readAt.addClassName("health-note");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refreshAll());
        refresh.setId("health-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout heading = new HorizontalLayout(new H2("Health"), readAt, refresh);
        heading.setAlignItems(Alignment.BASELINE);
        tabs.setId("health-tabs");
        tabs.add("Overview", overview);
        tabs.add("Tables", tables);
        tabs.add("Queries", queries);
        tabs.add("Locks & sessions", locks);
        tabs.add("Bloat", bloat);
        tabs.add("Over time", overTime);
        tabs.add("Lints", lints);
        // the costlier tabs read their figures when first opened
        tabs.addSelectedChangeListener(e -> {
            String label = e.getSelectedTab() == null ? "" : e.getSelectedTab().getLabel();
            if (label.equals("Bloat")) {
                bloat.showOnce();
            } else if (label.equals("Over time")) {
                overTime.showOnce();
            } else if (label.equals("Lints")) {
                lints.showOnce();
            }
        });
        tabs.setSizeFull();
        add(heading, tabs);
        refreshAll();
        addAttachListener(attach -> {
            attach.getUI().setPollInterval(REFRESH_MILLIS);
            polling = attach.getUI().addPollListener(poll -> refreshLive());
        });
        addDetachListener(detach -> {
            detach.getUI().setPollInterval(-1);
            polling.remove();
        });
    }

    /** Opens the named tab: 0 overview, 1 tables, 2 queries, 3 locks, 4 bloat, 5 over time, 6 lints. */
    void select(int tab) {
        tabs.setSelectedIndex(tab);
    }

    private void refreshAll() {
        Instant now = clock.instant();
        tableRows = data.tables();
        tables.show(tableRows, now);
        showQueries();
        overTime.refreshIfShown();
        refreshLive();
    }

    /** The figures that move by the second: connections, cache, locks. */
    private void refreshLive() {
        Instant now = clock.instant();
        LiveActivity live = data.liveActivity();
        overview.show(data.cacheHitRatio(), live.connections(), tableRows, now);
        locks.show(live.sessions(), now);
        readAt.setText("read at " + TIME.format(now.atZone(ZoneId.systemDefault())) + " · refreshes every "
                + REFRESH_MILLIS / 1000 + " s");
    }

    private void showQueries() {
        queries.show(data.topQueries(queries.order(), QueriesPanel.LIMIT));
    }
}
