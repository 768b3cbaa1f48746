package dev.planetary.ui.config;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.planetary.kernel.config.ConfigParameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The parameters as a tree: each category (as PostgreSQL names them, "Resource Usage / Memory") with
 * its parameters under it; a parameter's row opens to its description, range or choices, default and
 * file. Names in bold differ from the built-in default.
 */
class ParameterTree extends TreeGrid<ParameterTree.Row> {

    /** A category, or one parameter in it. */
    record Row(String category, ConfigParameter parameter, int count) {
        boolean isCategory() {
            return parameter == null;
        }
    }

    private final List<ConfigParameter> parameters;

    /** {@code more}: what an opened parameter shows under its facts (its history, a way to change it). */
    ParameterTree(List<ConfigParameter> parameters, Function<ConfigParameter, Component> more) {
        this.parameters = parameters;
        setId("config-parameters");
        addComponentHierarchyColumn(ParameterTree::name).setHeader("Parameter").setWidth("25em").setFlexGrow(0).setResizable(true);
        addColumn(new ComponentRenderer<>(row -> row.isCategory() ? new Span() : value(row.parameter())))
                .setHeader("Value").setWidth("10em").setFlexGrow(0).setResizable(true);
        addColumn(new ComponentRenderer<>(row -> row.isCategory() ? new Span() : source(row.parameter())))
                .setHeader("Source").setWidth("12em").setFlexGrow(0).setResizable(true);
        addColumn(new ComponentRenderer<>(row -> row.isCategory() ? new Span() : takes(row.parameter())))
                .setHeader("A change takes").setAutoWidth(true).setFlexGrow(0);
        addColumn(row -> row.isCategory() ? "" : row.parameter().description()).setHeader("What it does").setFlexGrow(2)
                .setTooltipGenerator(row -> row.isCategory() ? null : row.parameter().details());
        setItemDetailsRenderer(new ComponentRenderer<>(row -> row.isCategory() ? new Div() : details(row.parameter(), more)));
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setSizeFull();
    }

    /** Shows the parameters that match, under their categories, all open; answers how many. */
    int show(Predicate<ConfigParameter> matches) {
        Map<String, List<ConfigParameter>> byCategory = parameters.stream().filter(matches)
                .collect(Collectors.groupingBy(ConfigParameter::category, LinkedHashMap::new, Collectors.toList()));
        TreeData<Row> data = new TreeData<>();
        byCategory.forEach((category, members) -> {
            Row parent = new Row(category, null, members.size());
            data.addItem(null, parent);
            members.forEach(p -> data.addItem(parent, new Row(category, p, 0)));
        });
        setDataProvider(new TreeDataProvider<>(data));
        expand(data.getRootItems());
        return byCategory.values().stream().mapToInt(List::size).sum();
    }

    private static Component name(Row row) {
        if (row.isCategory()) {
            Span category = new Span(row.category() + " (" + row.count() + ")");
            category.addClassName("config-category");
            return category;
        }
        Span name = new Span(row.parameter().name());
        name.addClassName(row.parameter().changedFromDefault() ? "config-changed" : "config-name");
        return name;
    }

    private static Component value(ConfigParameter p) {
        Span value = new Span(p.display() == null ? "" : p.display());
        value.addClassName("config-code");
        value.getElement().setAttribute("title", p.display() == null ? "" : p.display());
        if (!p.pendingRestart()) {
            return value;
        }
        Span pending = new Span("restart pending");
        pending.getElement().getThemeList().add("badge small error");
        pending.getElement().setAttribute("title", "a new value was read from the configuration files; it takes effect at the next restart");
        return new Div(value, new Span(" "), pending);
    }

    private static Component source(ConfigParameter p) {
        String text = p.setByPlanetarysSession() ? "Planetary's session" : p.source();
        Span badge = new Span(text);
        String theme = switch (p.source()) {
            case "default", "override" -> "contrast";
            case "configuration file", "command line", "environment variable" -> "";
            case "database", "user", "database user" -> "success";
            default -> "contrast";
        };
        badge.getElement().getThemeList().add(("badge small " + theme).trim());
        if (p.setByPlanetarysSession()) {
            badge.getElement().setAttribute("title", "set by Planetary's own monitoring connection, not by the server's configuration");
        }
        return badge;
    }

    private static Component takes(ConfigParameter p) {
        Span takes = new Span(p.takes());
        if ("postmaster".equals(p.context())) {
            takes.getElement().getThemeList().add("badge small error");
        } else if ("sighup".equals(p.context())) {
            takes.getElement().getThemeList().add("badge small");
        } else {
            takes.addClassName("health-note");
        }
        return takes;
    }

    private static Div details(ConfigParameter p, Function<ConfigParameter, Component> more) {
        Div box = new Div();
        box.addClassName("config-details");
        if (p.details() != null) {
            box.add(new Div(p.details()));
        }
        StringBuilder facts = new StringBuilder(p.type());
        if (p.min() != null && p.max() != null) {
            facts.append(", from ").append(p.min()).append(" to ").append(p.max()).append(p.unit() == null ? "" : " (" + p.unit() + ")");
        }
        if (!p.enumValues().isEmpty()) {
            facts.append(", one of ").append(String.join(", ", p.enumValues()));
        }
        facts.append(" · built-in default ").append(p.bootValue()).append(" · after RESET ").append(p.resetValue());
        if (p.sourceFile() != null) {
            facts.append(" · set in ").append(p.sourceFile()).append(p.sourceLine() == null ? "" : ":" + p.sourceLine());
        }
        Div line = new Div(facts.toString());
        line.addClassName("health-note");
        box.add(line, more.apply(p));
        return box;
    }
}
