package dev.planetary.ui.propose;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.spec.ChangeKind;
import dev.planetary.kernel.spec.ChangeKinds;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.KindGroup;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.ui.propose.protect.UnprotectForm;
import dev.planetary.ui.review.ChangeCommands;
import dev.planetary.ui.review.ChangeDetailView;
import dev.planetary.ui.review.SubmitKey;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.views.MainLayout;
import dev.planetary.ui.views.SqlHighlighter;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.queryhandling.QueryGateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Propose a change: pick the kind, fill the form from the live catalog, watch the SQL, its risk and
 * review notes update as you type, submit. A value the spec refuses is shown on its field and
 * nothing is proposed.
 */
@Route(value = "propose", layout = MainLayout.class)
@PageTitle("Propose a change · Planetary")
@RolesAllowed("REQUESTER")
public class ProposeView extends VerticalLayout implements BeforeEnterObserver {

    private final ChangeCommands proposals;
    private final SubmitKey submitKey = new SubmitKey();
    /** The kinds people propose from this page, in the registry's menu order. */
    private static final Map<String, ChangeKind<?>> PROPOSABLE = ChangeKinds.all().stream()
            .filter(ChangeKind::proposable)
            .collect(LinkedHashMap::new, (map, kind) -> map.put(kind.name(), kind), Map::putAll);
    private final CatalogChoices catalog;
    private final QueryGateway queries;
    private final H2 heading = new H2("Propose a change");
    /** The change being revised, when the view was opened with ?revise=id. */
    private ChangeView revise;
    private final Map<String, SpecForm> forms = new LinkedHashMap<>();
    final Select<String> kind = new Select<>();
    final TextField title = new TextField("Title (optional)");
    private final Div formHolder = new Div();
    /** Errors show once the person has filled something in, not on an empty form. */
    private boolean touched;
    final Div preview = new Div();
    final Paragraph problem = new Paragraph();
    final Button submit = new Button("Propose");

    public ProposeView(ChangeCommands proposals, CatalogChoices catalog, QueryGateway queries) {
        this.proposals = proposals;
        this.queries = queries;
        setMaxWidth("1100px");
        this.catalog = catalog;
        kind.setLabel("What to change");
        kind.setId("change-kind");
        kind.setWidth("20em");
        kind.setItems(PROPOSABLE.keySet());
        kind.setItemLabelGenerator(k -> PROPOSABLE.get(k).label());
        groupHeadings();
        kind.addValueChangeListener(e -> show(e.getValue()));
        title.setWidth("36em");
        title.setPlaceholder("Defaults to a sentence describing the change");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("propose");
        submit.addClickListener(e -> submit());
        preview.setId("change-preview");
        problem.addClassName("propose-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        add(heading, new HorizontalLayout(kind, title), formHolder, new H3("What will run"), preview,
                problem, submit);
        kind.setValue("table-privilege");
    }

    /** A heading above the first kind of each family, so the menu reads as groups. */
    private void groupHeadings() {
        KindGroup group = null;
        for (ChangeKind<?> each : PROPOSABLE.values()) {
            if (each.group() != group) {
                group = each.group();
                Span heading = new Span(group.label());
                heading.addClassName("kind-group");
                kind.prependComponents(each.name(), heading);
            }
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        Optional<ChangeView> revising = first(query, "revise")
                .flatMap(id -> Optional.ofNullable(queries.query(new FindChangeQuery(ChangeId.of(id)), ChangeView.class).join()))
                .filter(change -> change.requester().equals(CurrentUser.login())
                        && (change.status() == ChangeStatus.PROPOSED || change.status() == ChangeStatus.DRIFTED));
        if (revising.isPresent()) {
            revise = revising.get();
            kind.setValue(revise.kind());
            current().load(revise.spec());
            title.setValue(revise.title());
            heading.setText("Revise: " + revise.title());
            submit.setText("Save revision");
            touched = true;
            update();
            return;
        }
        first(query, "kind").filter(PROPOSABLE::containsKey).ifPresent(kind::setValue);
        first(query, "protectedBy").ifPresent(id -> {
            if (current() instanceof UnprotectForm unprotect) {
                unprotect.select(id);
                update();
            }
        });
        Optional<String> schema = first(query, "schema");
        Optional<String> table = first(query, "table");
        if (schema.isPresent() && table.isPresent()) {
            current().preselect(schema.get(), table.get());
            touched = false;
            update();
        }
        Optional<String> keys = first(query, "keys");
        if (keys.isPresent()) {
            current().suggestIndex(first(query, "name").orElse(""), keys.get());
            touched = true;
            update();
        }
        Optional<String> index = first(query, "index");
        if (schema.isPresent() && index.isPresent()) {
            current().preselectIndex(schema.get(), index.get());
            touched = true;
            update();
        }
        first(query, "job").ifPresent(job -> {
            current().preselectJob(job);
            touched = false;
            update();
        });
        first(query, "publication").ifPresent(publication -> {
            current().preselectPublication(publication);
            touched = false;
            update();
        });
        first(query, "server").ifPresent(server -> {
            current().preselectForeignServer(server);
            touched = false;
            update();
        });
        first(query, "slot").ifPresent(slot -> {
            current().preselectSlot(slot);
            touched = false;
            update();
        });
        first(query, "template").ifPresent(template -> {
            current().preselectTemplate(template);
            touched = true;
            update();
        });
        Optional<String> parameter = first(query, "parameter");
        if (parameter.isPresent()) {
            current().preselectParameter(parameter.get());
            touched = false;
            update();
        }
        Optional<Long> function = first(query, "function").filter(oid -> oid.matches("\\d{1,10}")).map(Long::valueOf);
        if (function.isPresent()) {
            current().preselectFunction(function.get());
            // the definition came from the catalog: what the spec refuses in it is shown at once
            touched = true;
            update();
        }
    }

    SpecForm current() {
        return forms.computeIfAbsent(kind.getValue(), key -> {
            SpecForm form = KindForms.create(PROPOSABLE.get(key), catalog).orElseThrow();
            form.onChange(() -> {
                touched = true;
                update();
            });
            return form;
        });
    }

    private void show(String key) {
        formHolder.removeAll();
        formHolder.add(current().component());
        touched = false;
        update();
    }

    /** Rebuilds the preview; returns the spec when the form is complete and valid. */
    Optional<ChangeSpec> update() {
        SpecForm form = current();
        form.clearErrors();
        preview.removeAll();
        problem.setText("");
        try {
            ChangeSpec spec = form.spec();
            Plan plan = complete(spec).plan();
            preview.add(new Html("<pre class=\"sql\">" + SqlHighlighter.html(plan.script()) + "</pre>"));
            preview.add(new Paragraph(plan.risk() + " risk" + (plan.riskReasons().isEmpty() ? "" : ": " + String.join("; ", plan.riskReasons()))
                    + " · undo: " + (plan.hasInverse() ? plan.inverseScript().strip() : plan.inverseNote())));
            for (LintFinding finding : plan.findings()) {
                preview.add(new Paragraph((finding.severity() == LintFinding.Severity.WARNING ? "⚠ " : "ℹ ") + finding.message()));
            }
            submit.setEnabled(true);
            return Optional.of(spec);
        } catch (SpecForm.Invalid invalid) {
            if (touched) {
                form.showError(invalid);
                problem.setText(invalid.getMessage());
            } else {
                preview.add(new Paragraph("Fill in the form: the SQL appears here as you type."));
            }
            submit.setEnabled(false);
            return Optional.empty();
        }
    }

    /** The spec with what Planetary reads from the catalog (a protection's facts), as the plan will see it. */
    private ChangeSpec complete(ChangeSpec spec) {
        try {
            return proposals.complete(spec);
        } catch (SpecViolation e) {
            throw new SpecForm.Invalid(e.field(), e.getMessage());
        }
    }

    private void submit() {
        Optional<ChangeSpec> spec = update();
        if (spec.isEmpty()) {
            return;
        }
        try {
            ChangeId id;
            if (revise != null) {
                id = ChangeId.of(revise.id());
                proposals.revise(id, title.getValue(), spec.get(), submitKey.of(id, title.getValue(), spec.get()));
            } else {
                id = proposals.propose(title.getValue(), spec.get(), submitKey.of(title.getValue(), spec.get()));
            }
            Notification.show(revise != null ? "Revised; approvals start again" : "Proposed; the dry-run has run", 3000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(ChangeDetailView.class, ChangeDetailView.parameters(id.value())));
        } catch (ChangeRuleViolation e) {
            problem.setText(e.getMessage());
        }
    }

    private static Optional<String> first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
