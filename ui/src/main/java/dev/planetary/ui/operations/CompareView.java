package dev.planetary.ui.operations;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.compare.CompareMessages.CompareTargetsQuery;
import dev.planetary.kernel.compare.CompareMessages.TargetComparison;
import dev.planetary.kernel.compare.ObjectDifference;
import dev.planetary.kernel.compare.SideBySide;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.target.TargetView;
import dev.planetary.ui.review.ChangeCommands;
import dev.planetary.ui.review.SubmitKey;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.CurrentTarget;
import dev.planetary.ui.target.TargetDirectory;
import dev.planetary.ui.target.TargetUnreachableException;
import dev.planetary.ui.views.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.queryhandling.QueryGateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Two targets side by side: every object that differs (missing on B, extra on B, another definition or
 * other grants), each one's definition and grants aligned line by line, and the changes that make B
 * like A proposed on B for the objects chosen, where a kind of change exists for them.
 */
@Route(value = "targets/compare", layout = MainLayout.class)
@PageTitle("Compare targets · Planetary")
@RolesAllowed({"VIEWER", "REQUESTER", "REVIEWER", "OPERATOR"})
public class CompareView extends VerticalLayout implements BeforeEnterObserver {

    private final QueryGateway queries;
    private final ChangeCommands commands;
    private final SubmitKey submitKey = new SubmitKey();
    private final Select<TargetView> like = new Select<>();
    private final Select<TargetView> target = new Select<>();
    private final Div result = new Div();
    private final Div sideBySide = new Div();
    private TargetComparison shown;

    public CompareView(TargetDirectory directory, QueryGateway queries, ChangeCommands commands) {
        this.queries = queries;
        this.commands = commands;
        List<TargetView> targets = directory.all();
        for (Select<TargetView> choice : List.of(like, target)) {
            choice.setItems(targets);
            choice.setItemLabelGenerator(t -> t.name() + (t.environment() == null ? "" : " · " + t.environment()));
        }
        like.setLabel("Like (A, the reference)");
        like.setId("compare-like");
        target.setLabel("Target (B, to make alike)");
        target.setId("compare-target");
        TargetView current = targets.stream().filter(t -> t.id().equals(CurrentTarget.id())).findFirst().orElse(targets.get(0));
        like.setValue(current);
        target.setValue(targets.stream().filter(t -> !t.equals(current)).findFirst().orElse(current));
        Button compare = new Button("Compare", e -> compare());
        compare.setId("compare");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout choose = new HorizontalLayout(like, target, compare);
        choose.setAlignItems(FlexComponent.Alignment.BASELINE);
        result.setWidthFull();
        sideBySide.setWidthFull();
        add(new H2("Compare targets"), new Paragraph("Objects are paired by name, never by oid; each target is read as one "
                + "consistent catalog snapshot. Nothing on either target is changed by comparing."), choose, result, sideBySide);
    }

    /** {@code ?like=dev&target=staging} chooses the two targets and compares them at once (a comparison can be linked). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        Optional<TargetView> a = chosen(like, parameters.get("like"));
        Optional<TargetView> b = chosen(target, parameters.get("target"));
        a.ifPresent(like::setValue);
        b.ifPresent(target::setValue);
        if (a.isPresent() && b.isPresent()) {
            compare();
        }
    }

    private static Optional<TargetView> chosen(Select<TargetView> choice, List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return choice.getListDataView().getItems().filter(t -> t.id().value().equals(values.get(0))).findFirst();
    }

    private void compare() {
        result.removeAll();
        sideBySide.removeAll();
        if (like.getValue() == null || target.getValue() == null || like.getValue().equals(target.getValue())) {
            result.add(new Paragraph("Choose two different targets."));
            return;
        }
        try {
            shown = TargetUnreachableException.await(queries.query(new CompareTargetsQuery(like.getValue().id(), target.getValue().id()),
                    TargetComparison.class));
        } catch (TargetUnreachableException e) {
            result.add(new Paragraph("A target did not answer: " + e.target() + ". Nothing was compared."));
            return;
        }
        List<ObjectDifference> differences = shown.comparison().differences();
        Set<String> proposable = shown.proposals().stream().map(p -> ObjectDifference.qualifiedName(p.kind(), p.object()))
                .collect(Collectors.toSet());
        Set<String> partly = shown.notExpressible().stream().map(ObjectDifference::qualifiedName).collect(Collectors.toSet());
        Paragraph summary = new Paragraph(shown.comparison().comparedObjects() + " objects compared in "
                + shown.comparison().millis() + " ms: " + (differences.isEmpty() ? "the two targets are alike."
                : differences.size() + " differ, " + proposable.size() + " of them can be made alike by a proposed change"
                + (partly.stream().anyMatch(proposable::contains) ? " (some only in part)." : ".")));
        summary.setId("compare-summary");
        result.add(summary);
        if (differences.isEmpty()) {
            return;
        }
        Grid<ObjectDifference> grid = new Grid<>();
        grid.setId("compare-differences");
        grid.addColumn(d -> d.kind().name().toLowerCase().replace('_', ' ')).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ObjectDifference::name).setHeader("Object").setFlexGrow(3);
        grid.addComponentColumn(CompareView::status).setHeader("Difference").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> !proposable.contains(d.qualifiedName()) ? "not yet expressible"
                        : partly.contains(d.qualifiedName()) ? "in part: a change can be proposed" : "a change can be proposed")
                .setHeader("Make alike").setAutoWidth(true).setFlexGrow(0);
        var rows = grid.setItems(differences);
        com.vaadin.flow.component.textfield.TextField filter = new com.vaadin.flow.component.textfield.TextField();
        filter.setId("compare-filter");
        filter.setPlaceholder("Filter by object or kind");
        filter.setClearButtonVisible(true);
        filter.setWidth("20em");
        filter.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> rows.setFilter(d -> d.qualifiedName().toLowerCase()
                .contains(e.getValue().strip().toLowerCase())));
        result.add(filter);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("22em");
        grid.addItemClickListener(click -> showSideBySide(click.getItem()));
        result.add(grid);
        if (CurrentUser.has(PlanetaryRight.REQUESTER)) {
            Button propose = new Button("Propose on " + target.getValue().name() + " the changes that make the chosen objects alike",
                    e -> propose(grid.getSelectedItems().stream().map(ObjectDifference::qualifiedName).filter(proposable::contains)
                            .toList()));
            propose.setId("propose-alike");
            result.add(propose);
        }
    }

    private void propose(List<String> objects) {
        if (objects.isEmpty()) {
            Notification.show("Choose objects a change can be proposed for", 4000, Notification.Position.MIDDLE);
            return;
        }
        try {
            List<ChangeId> proposed = commands.proposeAlike(like.getValue().id(), target.getValue().id(), objects,
                    submitKey.of(like.getValue().id(), target.getValue().id(), objects));
            Notification.show(proposed.size() + " change(s) proposed on " + target.getValue().name() + " for review", 4000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            CurrentTarget.choose(target.getValue().id());
            getUI().ifPresent(ui -> ui.navigate(""));
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The object's definition and grants on A and on B, line facing line. */
    private void showSideBySide(ObjectDifference difference) {
        sideBySide.removeAll();
        sideBySide.add(new H3(difference.name()), aligned(difference.definitionDiff(), "definition"));
        if (!difference.grantsLeft().isEmpty() || !difference.grantsRight().isEmpty()) {
            sideBySide.add(aligned(difference.grantsDiff(), "grants"));
        }
    }

    private Component aligned(SideBySide lines, String what) {
        Div table = new Div();
        table.addClassName("side-by-side");
        table.setId("side-by-side-" + what);
        table.add(cell(like.getValue().name() + " (A) · " + what, "side-head"), cell(target.getValue().name() + " (B) · " + what, "side-head"));
        for (SideBySide.Row row : lines.rows()) {
            String css = "side-" + row.change().name().toLowerCase().replace('_', '-');
            table.add(cell(row.left(), css), cell(row.right(), css));
        }
        return table;
    }

    private static Div cell(String text, String css) {
        Div cell = new Div();
        cell.setText(text == null ? "" : text);
        cell.addClassName(css);
        return cell;
    }

    private static Span status(ObjectDifference difference) {
        Span badge = new Span(switch (difference.status()) {
            case MISSING_ON_RIGHT -> "missing on B";
            case EXTRA_ON_RIGHT -> "only on B";
            case DIFFERENT_DEFINITION -> "definition differs";
            case DIFFERENT_PRIVILEGES -> "grants differ";
            case DIFFERENT_BOTH -> "definition and grants differ";
        });
        badge.getElement().getThemeList().add("badge small " + switch (difference.status()) {
            case MISSING_ON_RIGHT -> "error";
            case EXTRA_ON_RIGHT -> "contrast";
            default -> "";
        });
        return badge;
    }
}
