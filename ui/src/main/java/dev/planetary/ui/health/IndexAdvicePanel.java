package dev.planetary.ui.health;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.health.AdvisedStatement;
import dev.planetary.kernel.health.IndexAdvice;
import dev.planetary.kernel.health.IndexAdviceReport;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.catalog.Sizes;
import dev.planetary.ui.security.CurrentUser;

import java.util.Locale;
import java.util.Map;

/**
 * Schema → Indexes → Advice: indexes the workload asks for, each with the statements it serves, the
 * plan cost today against the cost with the index (priced by hypopg, drawn as two bars), its estimated
 * size and the writes it would add, and "Propose this index" opening the create-index form filled in.
 * Read when the tab is first opened, and again on request: planning the top statements takes a moment.
 */
class IndexAdvicePanel extends VerticalLayout {

    private final HealthData data;
    private final Div content = new Div();
    private final ProgressBar loading = new ProgressBar();
    private boolean loaded;

    IndexAdvicePanel(HealthData data) {
        this.data = data;
        setPadding(false);
        setSizeFull();
        loading.setIndeterminate(true);
        loading.setVisible(false);
        content.setId("index-advice");
        content.addClassName("index-advice");
        Button again = new Button("Plan the workload again", VaadinIcon.REFRESH.create(), e -> show());
        again.setId("advice-refresh");
        again.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Span how = new Span("Candidates come from the generic plans of the 20 statements with the most total time in "
                + "pg_stat_statements: columns a sequential scan filters or joins on. Each statement is planned as the role that "
                + "ran it, with EXPLAIN alone: no row is read.");
        how.addClassName("health-note");
        HorizontalLayout heading = new HorizontalLayout(how, again);
        heading.setAlignItems(Alignment.CENTER);
        heading.setWidthFull();
        heading.expand(how);
        add(heading, loading, content);
    }

    void showOnce() {
        if (!loaded) {
            show();
        }
    }

    private void show() {
        loaded = true;
        loading.setVisible(true);
        content.removeAll();
        IndexAdviceReport report = data.indexAdvice();
        loading.setVisible(false);
        if (report.problem() != null) {
            content.add(callout(report.problem(), "advice-problem"));
            return;
        }
        if (report.pricing() != null) {
            content.add(callout(report.pricing(), "advice-pricing"));
        }
        Span planned = new Span(report.statementsPlanned() + " statement(s) planned"
                + (report.skipped().isEmpty() ? "." : ", " + report.skipped().size() + " could not be:"));
        planned.addClassName("health-note");
        planned.setId("advice-planned");
        content.add(planned);
        if (!report.skipped().isEmpty()) {
            Details skipped = new Details("Why some were not planned", new Div(report.skipped().stream().map(reason -> {
                Div line = new Div(reason);
                line.addClassName("health-note");
                return line;
            }).toArray(Div[]::new)));
            content.add(skipped);
        }
        if (report.advice().isEmpty()) {
            Span calm = new Span(VaadinIcon.CHECK_CIRCLE.create(), new Span(report.priced()
                    ? " No index would make a top statement's plan " + (int) IndexAdviceReport.MIN_IMPROVEMENT_PERCENT + " % cheaper."
                    : " No top statement scans a table sequentially on a column an index could serve."));
            calm.addClassName("health-calm");
            calm.setId("advice-calm");
            content.add(calm);
            return;
        }
        report.advice().forEach(advice -> content.add(card(advice)));
    }

    private Div card(IndexAdvice advice) {
        Div card = new Div();
        card.addClassName("advice-card");
        card.getElement().setAttribute("data-index", advice.candidate().label());
        H4 title = new H4(advice.candidate().label());
        HorizontalLayout top = new HorizontalLayout(title);
        top.setAlignItems(Alignment.CENTER);
        if (advice.best()) {
            Span best = new Span("best for " + advice.candidate().qualifiedTable().display());
            best.getElement().getThemeList().add("badge small success");
            top.add(best);
        }
        if (CurrentUser.has(PlanetaryRight.REQUESTER)) {
            Button propose = new Button("Propose this index", VaadinIcon.PLUS.create(), e -> propose(advice));
            propose.setId("propose-" + advice.candidate().suggestedName());
            propose.addThemeVariants(ButtonVariant.LUMO_SMALL, advice.best() ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
            top.add(propose);
        }
        Span sql = new Span(advice.candidate().createIndex().sql());
        sql.addClassName("health-sql");
        card.add(top, sql);
        if (advice.priced()) {
            card.add(costs(advice.statements().get(0)));
        }
        card.add(facts(advice));
        advice.statements().forEach(statement -> card.add(statement(statement)));
        return card;
    }

    /** The motivating statement's plan cost today and with the index, as two bars on one scale. */
    private static Div costs(AdvisedStatement statement) {
        Div picture = new Div();
        picture.addClassName("advice-costs");
        picture.add(costBar("today", statement.costBefore(), statement.costBefore(), "#9e9e9e"),
                costBar("with the index", statement.costAfter(), statement.costBefore(), Gauges.GOOD));
        Span gain = new Span(String.format(Locale.ROOT, "plan cost %.0f %% lower", statement.improvementPercent()));
        gain.addClassName("health-figure");
        picture.add(gain);
        return picture;
    }

    private static Div costBar(String label, double cost, double scale, String colour) {
        Div track = new Div();
        track.addClassName("health-bar");
        Div fill = new Div();
        fill.addClassName("health-bar-fill");
        fill.getStyle().set("width", Math.max(0.5, 100 * cost / Math.max(scale, 1e-9)) + "%").set("background", colour);
        track.add(fill);
        Span name = new Span(label);
        name.addClassName("health-note");
        Span value = new Span(Ages.count((long) Math.ceil(cost)));
        value.addClassName("health-bar-label");
        Div row = new Div(name, track, value);
        row.addClassName("advice-cost");
        return row;
    }

    private static Span facts(IndexAdvice advice) {
        String size = advice.estimatedBytes() == null ? "size unknown until priced" : "about " + Sizes.bytes(advice.estimatedBytes());
        Span facts = new Span(size + " · " + advice.candidate().qualifiedTable().display() + " has " + advice.existingIndexes()
                + " index(es) today; each of its " + Ages.count(advice.indexedWritesSinceReset())
                + " inserts and non-HOT updates since the statistics were reset would also have written this one");
        facts.addClassName("health-note");
        return facts;
    }

    private static Div statement(AdvisedStatement statement) {
        Span text = new Span(statement.query());
        text.addClassName("health-sql");
        text.getElement().setAttribute("title", statement.query());
        String cost = statement.costAfter() == null ? String.format(Locale.ROOT, "cost %.0f", statement.costBefore())
                : String.format(Locale.ROOT, "cost %.0f → %.0f", statement.costBefore(), statement.costAfter());
        Span figures = new Span(Ages.count(statement.calls()) + " calls · " + String.format(Locale.ROOT, "%.2f ms", statement.meanMillis())
                + " mean · " + statement.role() + " · " + cost);
        figures.addClassName("health-note");
        Div line = new Div(text, figures);
        line.addClassName("advice-statement");
        return line;
    }

    private void propose(IndexAdvice advice) {
        getUI().ifPresent(ui -> ui.navigate("propose", QueryParameters.simple(Map.of("kind", "create-index",
                "schema", advice.candidate().schema(), "table", advice.candidate().table(),
                "keys", String.join(",", advice.candidate().columns()), "name", advice.candidate().suggestedName()))));
    }

    private static Div callout(String text, String id) {
        Div callout = new Div(text);
        callout.addClassName("health-callout");
        callout.setId(id);
        return callout;
    }
}
