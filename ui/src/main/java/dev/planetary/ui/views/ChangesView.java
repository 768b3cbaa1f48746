package dev.planetary.ui.views;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.query.change.ChangeFilter;
import dev.planetary.query.change.ChangeReadModel;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The changes, newest first (the full review queue comes with the UI issue). */
@Route(value = "changes", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Changes · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class ChangesView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    public ChangesView(ChangeReadModel changes) {
        setSizeFull();
        Grid<ChangeView> grid = new Grid<>(ChangeView.class, false);
        grid.addColumn(ChangeView::title).setHeader("Change").setFlexGrow(3);
        grid.addColumn(ChangeView::status).setHeader("Status");
        grid.addColumn(ChangeView::risk).setHeader("Risk");
        grid.addColumn(ChangeView::dryRunStatus).setHeader("Dry-run");
        grid.addColumn(c -> c.approvals().size() + " / " + c.requiredApprovals()).setHeader("Approvals");
        grid.addColumn(ChangeView::requester).setHeader("Requester");
        grid.addColumn(c -> WHEN.format(c.proposedAt())).setHeader("Proposed");
        grid.setItems(query -> changes.list(new ChangeFilter(null, null, null, null, null, query.getLimit(), query.getOffset())).stream());
        grid.setSizeFull();
        add(new H2("Changes"), grid);
    }
}
