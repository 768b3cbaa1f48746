package dev.planetary.ui.replication;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.plan.LockLint;
import dev.planetary.kernel.replication.ForeignServerTestedEvent;
import dev.planetary.kernel.replication.Replication.ForeignServer;
import dev.planetary.kernel.replication.Replication.Publication;
import dev.planetary.kernel.replication.Replication.PublishedTable;
import dev.planetary.kernel.replication.Replication.Sender;
import dev.planetary.kernel.replication.Replication.Slot;
import dev.planetary.kernel.replication.Replication.Subscription;
import dev.planetary.kernel.replication.Replication.UserMapping;
import dev.planetary.kernel.replication.Replication;
import dev.planetary.kernel.replication.ReplicationQuery;
import dev.planetary.kernel.replication.TestForeignServerCommand;
import dev.planetary.kernel.spec.replication.AlterPublicationSpec;
import dev.planetary.kernel.spec.replication.CreatePublicationSpec;
import dev.planetary.kernel.spec.replication.DropForeignServerSpec;
import dev.planetary.kernel.spec.replication.DropPublicationSpec;
import dev.planetary.kernel.spec.replication.DropReplicationSlotSpec;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.target.TargetUnreachableException;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Operations → Replication: the slots first (the WAL each holds back as a bar against the limit, the ones at risk
 * called out on top), then the publications with each table's row filter, column list and replica identity (a
 * table whose UPDATE or DELETE would fail is marked with the reason), the subscriptions with their state and lag,
 * the connections streaming from this server, and the foreign servers with their user mappings (whether a password
 * is set, never the password), which operators test.
 */
@Route(value = "replication", layout = MainLayout.class)
@PageTitle("Replication · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class ReplicationView extends VerticalLayout {

    private final CommandGateway commands;
    /** The last foreign server test's outcome, under the servers. */
    private final Div fdwResult = new Div();

    public ReplicationView(QueryGateway queries, CommandGateway commands) {
        this.commands = commands;
        fdwResult.setId("replication-fdw-result");
        Replication replication = TargetUnreachableException.await(queries.query(new ReplicationQuery(CurrentTarget.id()),
                Replication.class));
        HorizontalLayout heading = new HorizontalLayout(new H2("Replication"));
        heading.setAlignItems(Alignment.BASELINE);
        if (CurrentUser.has(PlanetaryRight.REQUESTER)) {
            heading.add(propose("Publish tables", VaadinIcon.PLUS, CreatePublicationSpec.KIND, null, null));
        }
        add(heading);
        Span summary = new Span("wal_level " + replication.walLevel() + " · " + count(replication.slots().size(), "slot")
                + (replication.slotsAtRisk().isEmpty() ? "" : " (" + replication.slotsAtRisk().size() + " at risk)") + " · "
                + count(replication.publications().size(), "publication") + " · " + count(replication.subscriptions().size(), "subscription")
                + " · " + count(replication.senders().size(), "connection") + " streaming · "
                + count(replication.foreignServers().size(), "foreign server"));
        summary.setId("replication-summary");
        summary.addClassName("health-note");
        add(summary);
        if (!"logical".equals(replication.walLevel())) {
            add(callout("Logical replication needs wal_level = logical (here it is " + replication.walLevel() + "): change it on the"
                    + " configuration page (an alter-system change) and restart the server. Slots and foreign servers are shown all the same.",
                    "replication-wal-level", false));
        }
        for (Slot slot : replication.slotsAtRisk()) {
            add(callout("Slot " + slot.name() + " is at risk: " + slot.risk() + ".", "replication-risk-" + slot.name(), true));
        }
        add(section("Replication slots", "The WAL each slot holds back, against " + limit(replication) + ".",
                replication.slots().isEmpty() ? empty("No replication slots: nothing consumes this server's WAL through a slot.")
                        : slots(replication)));
        add(section("Publications", "What this database publishes to its subscribers; open one for its tables.",
                replication.publications().isEmpty() ? empty("No publications: this database publishes nothing.")
                        : publications(replication.publications())));
        add(section("Subscriptions", "What this database receives from other servers.",
                replication.subscriptions().isEmpty() ? empty("No subscriptions: this database receives nothing by logical replication.")
                        : subscriptions(replication.subscriptions())));
        add(section("Streaming from this server", "Subscribers' apply workers and standbys connected now.",
                replication.senders().isEmpty() ? empty("No connection streams from this server now.") : senders(replication.senders())));
        add(section("Foreign servers", "Servers this database reaches through a foreign-data wrapper (the audit server through postgres_fdw).",
                replication.foreignServers().isEmpty() ? empty("No foreign servers.") : foreignServers(replication.foreignServers())),
                fdwResult);
    }

    private static String limit(Replication replication) {
        return replication.maxSlotWalKeepSizeBytes() == null
                ? "the " + LockLint.size(replication.slotRiskBytes()) + " an inactive slot may hold before Planetary flags it"
                + " (max_slot_wal_keep_size is unlimited)"
                : "max_slot_wal_keep_size (" + LockLint.size(replication.maxSlotWalKeepSizeBytes()) + ")";
    }

    private static Grid<Slot> slots(Replication replication) {
        long limit = replication.maxSlotWalKeepSizeBytes() == null ? replication.slotRiskBytes() : replication.maxSlotWalKeepSizeBytes();
        Grid<Slot> grid = grid(Slot.class, "replication-slots");
        grid.addColumn(Slot::name).setHeader("Slot").setAutoWidth(true);
        grid.addColumn(slot -> slot.type() + (slot.plugin() == null ? "" : " · " + slot.plugin())
                + (slot.database() == null ? "" : " · " + slot.database()) + (slot.temporary() ? " · temporary" : ""))
                .setHeader("Type").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(slot -> badge(slot.active() ? "active" : "inactive", slot.active() ? "success" : "contrast")))
                .setHeader("In use").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(slot -> badge(slot.walStatus() == null ? "—" : slot.walStatus(),
                "lost".equals(slot.walStatus()) || "unreserved".equals(slot.walStatus()) ? "error" : "contrast")))
                .setHeader("WAL status").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(slot -> retained(slot, limit))).setHeader("WAL held back").setWidth("16em").setFlexGrow(0);
        grid.addColumn(slot -> slot.safeWalSizeBytes() == null ? "no limit" : LockLint.size(slot.safeWalSizeBytes()))
                .setHeader("Safe to write").setAutoWidth(true);
        grid.addColumn(slot -> slot.xminAge() == null ? "—" : String.format("%,d", slot.xminAge())).setHeader("xmin age").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(slot -> slot.risk() == null ? new Span() : problem(slot.risk())))
                .setHeader("Risk").setWidth("22em").setFlexGrow(1);
        if (CurrentUser.has(PlanetaryRight.REQUESTER)) {
            grid.addColumn(new ComponentRenderer<>(slot -> slot.active() ? new Span()
                    : propose("Drop", VaadinIcon.TRASH, DropReplicationSlotSpec.KIND, "slot", slot.name()))).setAutoWidth(true);
        }
        grid.setPartNameGenerator(slot -> slot.risk() == null ? null : "at-risk");
        grid.setItems(replication.slots());
        return grid;
    }

    private static Component retained(Slot slot, long limit) {
        if (slot.retainedBytes() == null) {
            return new Span("—");
        }
        ProgressBar bar = new ProgressBar(0, 1, Math.min(1, limit <= 0 ? 1 : (double) slot.retainedBytes() / limit));
        bar.addThemeVariants(slot.risk() == null ? ProgressBarVariant.LUMO_CONTRAST : ProgressBarVariant.LUMO_ERROR);
        bar.setWidth("7em");
        HorizontalLayout holder = new HorizontalLayout(bar, new Span(LockLint.size(slot.retainedBytes())));
        holder.setAlignItems(Alignment.CENTER);
        return holder;
    }

    private static Grid<Publication> publications(List<Publication> publications) {
        Grid<Publication> grid = grid(Publication.class, "replication-publications");
        grid.addColumn(Publication::name).setHeader("Publication").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(publication -> {
            HorizontalLayout operations = new HorizontalLayout();
            operations.setSpacing(false);
            operations.getStyle().set("gap", "var(--lumo-space-xs)");
            publication.operations().forEach(operation -> operations.add(badge(operation, "contrast")));
            return operations;
        })).setHeader("Publishes").setAutoWidth(true);
        grid.addColumn(publication -> (publication.allTables() ? "all tables · " : "") + count(publication.tables().size(), "table")
                + (publication.viaRoot() ? " · partitions as their root" : "")).setHeader("Tables").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(publication -> publication.tablesWithProblems() == 0 ? badge("ok", "success")
                : badge(count((int) publication.tablesWithProblems(), "table") + " would fail", "error"))).setHeader("Replica identity")
                .setAutoWidth(true);
        grid.addColumn(Publication::owner).setHeader("Owner").setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(ReplicationView::publishedTables));
        grid.setPartNameGenerator(publication -> publication.tablesWithProblems() > 0 ? "at-risk" : null);
        grid.setItems(publications);
        return grid;
    }

    /** A publication's tables; for requesters its change forms. */
    private static Component publishedTables(Publication publication) {
        VerticalLayout details = new VerticalLayout();
        details.setPadding(false);
        if (CurrentUser.has(PlanetaryRight.REQUESTER)) {
            details.add(new HorizontalLayout(propose("Add or drop tables, change operations", VaadinIcon.EDIT, AlterPublicationSpec.KIND,
                    "publication", publication.name()), propose("Drop", VaadinIcon.TRASH, DropPublicationSpec.KIND, "publication",
                    publication.name())));
        }
        details.add(tablesOf(publication));
        return details;
    }

    private static Component tablesOf(Publication publication) {
        Grid<PublishedTable> tables = grid(PublishedTable.class, "replication-tables-" + publication.name());
        tables.addColumn(table -> table.schema() + "." + table.name()).setHeader("Table").setAutoWidth(true);
        tables.addColumn(new ComponentRenderer<>(table -> table.rowFilter() == null ? new Span("every row") : code("WHERE " + table.rowFilter())))
                .setHeader("Rows").setAutoWidth(true);
        tables.addColumn(table -> table.columns() == null ? "every column" : String.join(", ", table.columns())).setHeader("Columns")
                .setAutoWidth(true);
        tables.addColumn(table -> table.identity().kind() + (table.identity().columns().isEmpty() ? ""
                : " (" + String.join(", ", table.identity().columns()) + ")")).setHeader("Replica identity").setAutoWidth(true);
        tables.addColumn(new ComponentRenderer<>(table -> table.problem() == null ? new Span() : problem(table.problem())))
                .setHeader("Problem").setWidth("26em").setFlexGrow(1);
        tables.setItems(publication.tables());
        return tables;
    }

    /** A button to the form of {@code kind}, started on the object {@code parameter} names ({@code ?publication=feed}). */
    private static Button propose(String label, VaadinIcon icon, String kind, String parameter, String object) {
        Map<String, String> query = new HashMap<>();
        query.put("kind", kind);
        if (parameter != null) {
            query.put(parameter, object);
        }
        Button button = new Button(label, icon.create(), e -> e.getSource().getUI()
                .ifPresent(ui -> ui.navigate("propose", QueryParameters.simple(query))));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId("replication-propose-" + kind + (object == null ? "" : "-" + object));
        return button;
    }

    private static Grid<Subscription> subscriptions(List<Subscription> subscriptions) {
        Grid<Subscription> grid = grid(Subscription.class, "replication-subscriptions");
        grid.addColumn(Subscription::name).setHeader("Subscription").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(subscription -> badge(subscription.state(), switch (subscription.state()) {
            case "streaming" -> "success";
            case "not running" -> "error";
            default -> "contrast";
        }))).setHeader("State").setAutoWidth(true);
        grid.addColumn(subscription -> String.join(", ", subscription.publications())).setHeader("Publications").setAutoWidth(true);
        grid.addColumn(subscription -> subscription.tablesReady() + " ready" + (subscription.tablesSyncing() == 0 ? ""
                : " · " + subscription.tablesSyncing() + " copying")).setHeader("Tables").setAutoWidth(true);
        grid.addColumn(subscription -> subscription.worker() == null || subscription.worker().lagMillis() == null ? "—"
                : subscription.worker().lagMillis() + " ms").setHeader("Lag").setAutoWidth(true);
        grid.addColumn(subscription -> subscription.worker() == null ? "—" : ago(subscription.worker().lastMessageReceived()))
                .setHeader("Last heard").setAutoWidth(true);
        grid.addColumn(subscription -> subscription.worker() == null || subscription.worker().receivedLsn() == null ? "—"
                : subscription.worker().receivedLsn()).setHeader("Received up to").setAutoWidth(true);
        grid.addColumn(Subscription::slot).setHeader("Slot on the publisher").setAutoWidth(true);
        grid.setItems(subscriptions);
        return grid;
    }

    private static Grid<Sender> senders(List<Sender> senders) {
        Grid<Sender> grid = grid(Sender.class, "replication-senders");
        grid.addColumn(Sender::application).setHeader("Application").setAutoWidth(true);
        grid.addColumn(sender -> sender.clientAddress() == null ? "local socket" : sender.clientAddress()).setHeader("From").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(sender -> badge(sender.state(), "streaming".equals(sender.state()) ? "success" : "contrast")))
                .setHeader("State").setAutoWidth(true);
        grid.addColumn(Sender::syncState).setHeader("Sync").setAutoWidth(true);
        grid.addColumn(sender -> sender.behindBytes() == null ? "—" : LockLint.size(sender.behindBytes())).setHeader("Behind")
                .setAutoWidth(true);
        grid.addColumn(sender -> sender.replayLagMillis() == null ? "—" : sender.replayLagMillis() + " ms").setHeader("Replay lag")
                .setAutoWidth(true);
        grid.setItems(senders);
        return grid;
    }

    private Grid<ForeignServer> foreignServers(List<ForeignServer> servers) {
        Grid<ForeignServer> grid = grid(ForeignServer.class, "replication-foreign-servers");
        grid.addColumn(ForeignServer::name).setHeader("Server").setAutoWidth(true);
        if (CurrentUser.has(PlanetaryRight.OPERATOR)) {
            grid.addColumn(new ComponentRenderer<>(server -> {
                Button test = new Button("Test connection", VaadinIcon.CONNECT.create(), e -> test(server.name()));
                test.addThemeVariants(ButtonVariant.LUMO_SMALL);
                test.setId("replication-test-" + server.name());
                test.setEnabled("postgres_fdw".equals(server.wrapper()));
                return test;
            })).setAutoWidth(true);
        }
        if (CurrentUser.has(PlanetaryRight.REQUESTER)) {
            grid.addColumn(new ComponentRenderer<>(server -> propose("Drop", VaadinIcon.TRASH, DropForeignServerSpec.KIND, "server",
                    server.name()))).setAutoWidth(true);
        }
        grid.addColumn(ForeignServer::wrapper).setHeader("Wrapper").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(server -> code(String.join(" ", server.options())))).setHeader("Options").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(server -> wrapping(server.mappings().isEmpty() ? "none" : server.mappings().stream()
                .map(ReplicationView::mapping).collect(Collectors.joining(", "))))).setHeader("User mappings").setWidth("22em").setFlexGrow(1);
        grid.addColumn(ForeignServer::owner).setHeader("Owner").setAutoWidth(true);
        grid.setItems(servers);
        return grid;
    }

    private static String mapping(UserMapping mapping) {
        if (mapping.password() == null) {
            return mapping.localRole() + " (its options are kept from Planetary's metadata login)";
        }
        return mapping.localRole() + (mapping.remoteUser() == null ? "" : " → " + mapping.remoteUser())
                + (mapping.password() ? " · password set" : " · no password");
    }

    private static <T> Grid<T> grid(Class<T> type, String id) {
        Grid<T> grid = new Grid<>(type, false);
        grid.setId(id);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    /** Connects to the server as the executor's login would (its user mapping), reading no row; the outcome is kept in the history. */
    private void test(String server) {
        ForeignServerTestedEvent tested = commands.sendAndWait(new TestForeignServerCommand(CurrentTarget.id(), server, CurrentUser.login()));
        fdwResult.removeAll();
        fdwResult.setClassName(tested.reached() ? "replication-reached" : "replication-alarm");
        fdwResult.setText(tested.summary());
        Notification.show(tested.reached() ? "Reached " + server + " in " + tested.millis() + " ms" : "Could not reach " + server,
                5000, Notification.Position.BOTTOM_START).addThemeVariants(tested.reached()
                ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
    }

    private static Component section(String title, String note, Component content) {
        Span hint = new Span(note);
        hint.addClassName("health-note");
        VerticalLayout section = new VerticalLayout(new H3(title), hint, content);
        section.setPadding(false);
        section.setSpacing(false);
        section.getStyle().set("gap", "var(--lumo-space-xs)");
        return section;
    }

    private static Component empty(String text) {
        Span empty = new Span(text);
        empty.addClassName("replication-empty");
        return empty;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge small " + theme);
        return badge;
    }

    private static Span wrapping(String text) {
        Span span = new Span(text);
        span.getStyle().set("white-space", "normal");
        return span;
    }

    private static Span problem(String text) {
        Span problem = new Span(text);
        problem.addClassName("replication-problem");
        return problem;
    }

    private static Span code(String text) {
        Span code = new Span(text);
        code.addClassName("config-code");
        code.getElement().setAttribute("title", text);
        return code;
    }

    private static Div callout(String text, String id, boolean alarm) {
        Div callout = new Div(text);
        callout.addClassName(alarm ? "replication-alarm" : "health-callout");
        callout.setId(id);
        return callout;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String ago(Instant at) {
        if (at == null) {
            return "—";
        }
        long seconds = Math.max(0, Duration.between(at, Instant.now()).toSeconds());
        return seconds < 90 ? seconds + " s ago" : seconds / 60 + " min ago";
    }
}
