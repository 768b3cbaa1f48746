package dev.planetary.ui.review;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
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
import com.vaadin.flow.router.RouteAlias;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.query.ChangeFilter;
import dev.planetary.kernel.change.query.ChangeList;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangesQuery;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.spec.ChangeKinds;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetView;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.target.TargetDirectory;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The review queue: changes waiting for review by default, filterable and sortable, loaded page by
 * page from the read model (so 10,000 pending changes cost one page), and updated live.
 */
@Route(value = "changes", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Review queue · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class ReviewQueueView extends VerticalLayout implements BeforeEnterObserver {

    private static final String ANY = "any";

    private final QueryGateway queries;
    private final ChangeFeed feed;
    private final Clock clock;
    final MultiSelectComboBox<ChangeStatus> status = new MultiSelectComboBox<>("Status");
    final Select<String> kind = new Select<>();
    final Select<String> risk = new Select<>();
    final TextField requester = new TextField("Requester");
    final TextField object = new TextField("Object");
    final Select<ChangeFilter.Order> order = new Select<>();
    final Grid<ChangeView> grid = new Grid<>();
    private Runnable stopListening;

    private final Component promotion;
    private final SubmitKey promotionKey = new SubmitKey();

    public ReviewQueueView(QueryGateway queries, ChangeFeed feed, Clock clock, ChangeCommands commands, TargetDirectory targets) {
        this.queries = queries;
        this.feed = feed;
        this.clock = clock;
        setSizeFull();
        status.setItems(ChangeStatus.values());
        status.setValue(Set.of(ChangeStatus.PROPOSED));
        kind.setLabel("Kind");
        List<String> kinds = new ArrayList<>(List.of(ANY));
        kinds.addAll(ChangeKinds.names());
        kind.setItems(kinds);
        kind.setItemLabelGenerator(KindLabels::label);
        kind.setValue(ANY);
        risk.setLabel("Risk");
        risk.setItems(ANY, "LOW", "HIGH");
        risk.setValue(ANY);
        order.setLabel("Sort");
        order.setItems(ChangeFilter.Order.values());
        order.setValue(ChangeFilter.Order.OLDEST);
        order.setItemLabelGenerator(o -> switch (o) {
            case NEWEST -> "newest first";
            case OLDEST -> "oldest first";
            case RISK -> "high risk first";
            case TITLE -> "by title";
        });
        requester.setValueChangeMode(ValueChangeMode.LAZY);
        object.setValueChangeMode(ValueChangeMode.LAZY);
        object.setPlaceholder("e.g. app.invoice");
        object.setId("object-filter");
        status.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        risk.addValueChangeListener(e -> refresh());
        requester.addValueChangeListener(e -> refresh());
        object.addValueChangeListener(e -> refresh());
        order.addValueChangeListener(e -> refresh());

        grid.addColumn(ChangeView::title).setHeader("Change").setFlexGrow(4);
        grid.addColumn(change -> KindLabels.label(change.kind())).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(c -> String.join(", ", c.objects())).setHeader("Objects").setFlexGrow(2);
        grid.addColumn(ChangeView::requester).setHeader("Requester").setAutoWidth(true);
        grid.addColumn(c -> age(c)).setHeader("Age").setAutoWidth(true);
        grid.addComponentColumn(ReviewQueueView::riskBadge).setHeader("Risk").setAutoWidth(true);
        grid.addColumn(c -> c.dryRunStatus().name().toLowerCase()).setHeader("Dry-run").setAutoWidth(true);
        grid.addColumn(c -> c.approvals().size() + " / " + c.requiredApprovals()).setHeader("Approvals").setAutoWidth(true);
        grid.addColumn(c -> c.status().name().toLowerCase()).setHeader("Status").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> queries.query(new FindChangesQuery(filter(query.getLimit(), query.getOffset())), ChangeList.class)
                .join().changes().stream());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ChangeDetailView.class,
                ChangeDetailView.parameters(e.getItem().id()))));
        grid.setSizeFull();

        HorizontalLayout filters = new HorizontalLayout(status, kind, risk, requester, object, order);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        List<TargetView> all = targets.all();
        String here = all.stream().filter(t -> t.id().equals(CurrentTarget.id())).map(TargetView::environment).findFirst().orElse(null);
        promotion = PromotionPanel.batch(grid, targets.inPromotionOrder(
                        all.stream().filter(t -> !t.id().equals(CurrentTarget.id())).toList(), here),
                (changes, target) -> promoteAll(commands, changes, target));
        add(new H2("Review queue"), filters, grid, promotion);
        setFlexGrow(1, grid);
        status.addValueChangeListener(e -> offerPromotion());
        offerPromotion();
    }

    /**
     * {@code ?object=app.invoice} opens the queue narrowed to one object, {@code ?status=APPLIED} (statuses
     * separated by commas; unknown ones are ignored) to those statuses: linked from elsewhere, bookmarkable.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        java.util.Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        List<String> objects = parameters.get("object");
        if (objects != null && !objects.isEmpty()) {
            object.setValue(objects.get(0));
        }
        List<String> statuses = parameters.get("status");
        if (statuses != null && !statuses.isEmpty()) {
            Set<ChangeStatus> chosen = java.util.Arrays.stream(statuses.get(0).split(","))
                    .flatMap(name -> java.util.Arrays.stream(ChangeStatus.values()).filter(s -> s.name().equalsIgnoreCase(name.strip())))
                    .collect(java.util.stream.Collectors.toSet());
            if (!chosen.isEmpty()) {
                status.setValue(chosen);
            }
        }
    }

    ChangeFilter filter(int limit, int offset) {
        return new ChangeFilter(new ArrayList<>(status.getValue()), ANY.equals(kind.getValue()) ? null : kind.getValue(),
                ANY.equals(risk.getValue()) ? null : RiskLevel.valueOf(risk.getValue()), blankToNull(requester.getValue()),
                blankToNull(object.getValue()), limit, offset, order.getValue(), CurrentTarget.id());
    }

    /** Applied changes listed, for a requester: they can be chosen and promoted together to another target. */
    private void offerPromotion() {
        boolean applied = Set.of(ChangeStatus.APPLIED).equals(status.getValue()) && CurrentUser.has(PlanetaryRight.REQUESTER);
        grid.setSelectionMode(applied ? Grid.SelectionMode.MULTI : Grid.SelectionMode.SINGLE);
        promotion.setVisible(applied);
    }

    private void promoteAll(ChangeCommands commands, List<ChangeId> changes, TargetId target) {
        try {
            List<ChangeId> promoted = commands.promoteAll(changes, target, promotionKey.of(changes, target));
            Notification.show(promoted.size() + " change(s) promoted to " + target + ", in the order they were applied",
                    4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            CurrentTarget.choose(target);
            getUI().ifPresent(ui -> ui.navigate(""));
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        stopListening = feed.listen(moved -> ui.access(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (stopListening != null) {
            stopListening.run();
        }
    }

    private String age(ChangeView change) {
        Duration age = Duration.between(change.proposedAt(), clock.instant());
        if (age.toDays() > 0) {
            return age.toDays() + " d";
        }
        return age.toHours() > 0 ? age.toHours() + " h" : Math.max(age.toMinutes(), 0) + " min";
    }

    private static Span riskBadge(ChangeView change) {
        Span badge = new Span(change.risk().name().toLowerCase());
        badge.getElement().getThemeList().add("badge");
        badge.addClassName(change.risk() == RiskLevel.HIGH ? "risk-high" : "risk-low");
        return badge;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
