package dev.planetary.ui.config;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.planetary.kernel.change.query.ChangeFilter;
import dev.planetary.kernel.change.query.ChangeList;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangesQuery;
import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.spec.config.AlterSystemSpec;
import dev.planetary.kernel.spec.config.DatabaseSettingSpec;
import dev.planetary.kernel.spec.config.RoleSettingSpec;
import dev.planetary.ui.review.ChangeDetailView;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.CurrentTarget;
import org.axonframework.queryhandling.QueryGateway;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Under an opened parameter: "Change" (for requesters, on a parameter the server lets change) opening the
 * ALTER SYSTEM form on it, and the parameter's history as changed through Planetary, newest first, each
 * change with what its apply found (in force, or waiting for a restart).
 */
final class ParameterChanges {

    /** The kinds that change a server parameter. */
    private static final Set<String> KINDS = Set.of(AlterSystemSpec.KIND, RoleSettingSpec.KIND, DatabaseSettingSpec.KIND);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final QueryGateway queries;

    ParameterChanges(QueryGateway queries) {
        this.queries = queries;
    }

    Component of(ConfigParameter parameter) {
        Div box = new Div();
        box.addClassName("config-history");
        if (CurrentUser.has(PlanetaryRight.REQUESTER) && !"internal".equals(parameter.context())) {
            Button change = new Button("Change " + parameter.name(), VaadinIcon.EDIT.create(), e -> e.getSource().getUI()
                    .ifPresent(ui -> ui.navigate("propose", QueryParameters.simple(Map.of("kind", AlterSystemSpec.KIND,
                            "parameter", parameter.name())))));
            change.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            change.setId("config-change-" + parameter.name());
            box.add(change);
        }
        List<ChangeView> changes = queries.query(new FindChangesQuery(new ChangeFilter(null, null, null, null, parameter.name(),
                50, 0, ChangeFilter.Order.NEWEST, CurrentTarget.id())), ChangeList.class).join().changes().stream()
                .filter(c -> KINDS.contains(c.kind())).toList();
        if (changes.isEmpty()) {
            Span none = new Span("Not changed through Planetary yet.");
            none.addClassName("health-note");
            box.add(new Div(none));
            return box;
        }
        for (ChangeView change : changes) {
            box.add(line(change));
        }
        return box;
    }

    private static Div line(ChangeView change) {
        Span status = new Span(change.status().name().toLowerCase());
        status.getElement().getThemeList().add("badge small " + switch (change.status()) {
            case APPLIED -> "success";
            case FAILED, REJECTED -> "error";
            default -> "contrast";
        });
        RouterLink title = new RouterLink(change.title(), ChangeDetailView.class, new RouteParameters("id", change.id()));
        Span meta = new Span(WHEN.format(change.updatedAt()) + " · " + change.requester());
        meta.addClassName("health-note");
        Div line = new Div(status, new Span(" "), title, new Span(" "), meta);
        line.addClassName("config-history-line");
        outcome(change).ifPresent(note -> {
            Span said = new Span(" — " + note);
            said.addClassName("health-note");
            line.add(said);
        });
        return line;
    }

    /** What the executor found after the reload, from the step's last note. */
    private static java.util.Optional<String> outcome(ChangeView change) {
        return change.steps().stream().map(ChangeView.StepView::note).filter(java.util.Objects::nonNull).reduce((a, b) -> b);
    }
}
