package dev.planetary.ui.target;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import dev.planetary.kernel.target.TargetHealth;
import dev.planetary.kernel.target.TargetView;

import java.util.List;

/**
 * The header's target switcher: which database this session looks at and changes, in its
 * environment's colour, with its health. Choosing another reloads the page on that target.
 */
public class TargetSwitcher extends HorizontalLayout {

    public TargetSwitcher(List<TargetView> targets, TargetView current) {
        setAlignItems(FlexComponent.Alignment.CENTER);
        setSpacing(false);
        addClassName("target-switcher");
        Select<TargetView> select = new Select<>();
        select.setId("target-switcher");
        select.setAriaLabel("Target database");
        select.setItems(targets);
        select.setItemLabelGenerator(TargetSwitcher::label);
        select.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(TargetSwitcher::option));
        select.setValue(current);
        select.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                CurrentTarget.choose(event.getValue().id());
                getUI().ifPresent(ui -> ui.getPage().reload());
            }
        });
        add(select);
        if (EnvironmentColours.isProduction(current.environment())) {
            Span production = new Span("PRODUCTION");
            production.setId("production-warning");
            production.addClassName("production-warning");
            add(production);
        }
    }

    static String label(TargetView target) {
        return target.name() + (target.environment() == null ? "" : " · " + target.environment());
    }

    /** A target in the list: its colour, its name and environment, and a health badge. */
    static HorizontalLayout option(TargetView target) {
        Span dot = new Span();
        dot.addClassName("target-dot");
        dot.getStyle().set("background", EnvironmentColours.of(target));
        Span name = new Span(label(target));
        HorizontalLayout row = new HorizontalLayout(dot, name, healthBadge(target.health()));
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setSpacing(true);
        return row;
    }

    public static Span healthBadge(TargetHealth health) {
        Span badge = new Span(switch (health.status()) {
            case UP -> "up · " + health.latencyMillis() + " ms";
            case UNREACHABLE -> "unreachable";
            case UNKNOWN -> "not checked yet";
        });
        badge.getElement().getThemeList().add("badge small " + switch (health.status()) {
            case UP -> "success";
            case UNREACHABLE -> "error";
            case UNKNOWN -> "contrast";
        });
        if (health.problem() != null) {
            badge.getElement().setAttribute("title", health.problem());
        }
        badge.addClassName("target-health");
        return badge;
    }
}
