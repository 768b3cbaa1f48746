package dev.planetary.ui.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.change.query.FindHistoryQuery;
import dev.planetary.kernel.change.query.HistoryEntries;
import dev.planetary.kernel.change.query.HistoryEntry;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.queryhandling.QueryGateway;

import java.util.List;

/** Everything that happened to changes, newest first, by object, person and event; each entry opens its change. */
@Route(value = "history", layout = MainLayout.class)
@PageTitle("History · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class HistoryView extends VerticalLayout implements BeforeEnterObserver {

    private static final String ANY = "any";

    final TextField object = new TextField("Object");
    final TextField person = new TextField("Person");
    final Select<String> event = new Select<>();
    final Select<String> kind = new Select<>();
    final Grid<HistoryEntry> grid = new Grid<>();

    private final QueryGateway queries;

    public HistoryView(QueryGateway queries, ChangeCommands proposals) {
        this.queries = queries;
        setSizeFull();
        object.setPlaceholder("e.g. app.invoice");
        object.setValueChangeMode(ValueChangeMode.LAZY);
        person.setValueChangeMode(ValueChangeMode.LAZY);
        event.setLabel("Event / outcome");
        event.setItems(ANY, "proposed", "revised", "approval", "approved", "rejected", "withdrawn", "applying", "waiting", "step", "applied",
                "failed", "drifted", "rebased", "test-run", "drift", "dry-run-passed", "dry-run-failed",
                "session-cancelled", "session-terminated", "finding-acknowledged", "job-run-started", "job-run-succeeded", "job-run-failed",
                "job-failed", "job-late", "slot-at-risk", "fdw-reached",
                "fdw-unreachable");
        event.setValue(ANY);
        kind.setLabel("Kind");
        List<String> kinds = new java.util.ArrayList<>(List.of(ANY));
        kinds.addAll(dev.planetary.kernel.spec.ChangeKinds.names());
        kind.setItems(kinds);
        kind.setItemLabelGenerator(KindLabels::label);
        kind.setValue(ANY);
        grid.addColumn(e -> ChangeDetailView.WHEN.format(e.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(HistoryEntry::event).setHeader("Event").setAutoWidth(true);
        grid.addColumn(HistoryEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(HistoryEntry::summary).setHeader("What").setFlexGrow(4);
        grid.addColumn(e -> String.join(", ", e.objects())).setHeader("Objects").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(query -> queries.query(new FindHistoryQuery(null, blank(object.getValue()), blank(person.getValue()),
                ANY.equals(event.getValue()) ? null : event.getValue(), ANY.equals(kind.getValue()) ? null : kind.getValue(),
                query.getLimit(), query.getOffset(), CurrentTarget.id()), HistoryEntries.class).join().entries().stream());
        // Test runs, drift and job runs are not changes: no page of their own; drift offers adopt or revert to requesters,
        // a job's events open the jobs, a slot at risk and a foreign server's test the replication page.
        grid.addItemClickListener(e -> {
            if ("drift".equals(e.getItem().event())) {
                if (dev.planetary.ui.security.CurrentUser.has(dev.planetary.kernel.identity.PlanetaryRight.REQUESTER)) {
                    new DriftDialog(e.getItem(), proposals).open();
                }
            } else if (e.getItem().event().startsWith("job-")) {
                getUI().ifPresent(ui -> ui.navigate("jobs"));
            } else if ("slot-at-risk".equals(e.getItem().event()) || e.getItem().event().startsWith("fdw-")) {
                getUI().ifPresent(ui -> ui.navigate("replication"));
            } else if (!"test-run".equals(e.getItem().event()) && !e.getItem().event().startsWith("session-")
                    && !"finding-acknowledged".equals(e.getItem().event())) {
                getUI().ifPresent(ui -> ui.navigate(ChangeDetailView.class, ChangeDetailView.parameters(e.getItem().changeId())));
            }
        });
        grid.setSizeFull();
        object.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        person.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        event.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        kind.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(object, person, kind, event);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Change history"), filters, grid);
        setFlexGrow(1, grid);
    }

    /** {@code ?object=app.invoice} opens the timeline of one object (linked from its catalog page). */
    @Override
    public void beforeEnter(BeforeEnterEvent beforeEnter) {
        List<String> objects = beforeEnter.getLocation().getQueryParameters().getParameters().get("object");
        if (objects != null && !objects.isEmpty()) {
            object.setValue(objects.get(0));
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
