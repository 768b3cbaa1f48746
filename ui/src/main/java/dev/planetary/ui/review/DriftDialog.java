package dev.planetary.ui.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.query.HistoryEntry;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.drift.AdoptDriftSpec;
import dev.planetary.kernel.spec.drift.RevertDriftSpec;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to do about drift: adopt it (an after-the-fact change that runs nothing and records who
 * accepted it) or, when it created an object, revert it (a change that drops the object). Both
 * go through review like any change.
 */
class DriftDialog extends Dialog {

    private static final Pattern CREATED = Pattern.compile("Drift: CREATE (TABLE|VIEW|MATERIALIZED VIEW|INDEX|SEQUENCE|SCHEMA|TYPE) (\\S+) ran outside Planetary.*", Pattern.DOTALL);

    private final ChangeCommands proposals;
    private final SubmitKey submitKey = new SubmitKey();
    final TextArea reason = new TextArea("Why accept it");
    final Paragraph problem = new Paragraph();

    DriftDialog(HistoryEntry drift, ChangeCommands proposals) {
        this.proposals = proposals;
        setHeaderTitle("Drift " + drift.changeId());
        add(new Paragraph(drift.summary()), new Paragraph("Run by " + drift.actor() + " at " + drift.at()));
        reason.setWidth("32em");
        reason.setId("adopt-reason");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        add(reason, problem);
        Button adopt = new Button("Propose adopting it", e -> propose(() -> new AdoptDriftSpec(drift.changeId(), reason.getValue())));
        adopt.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        adopt.setId("adopt-drift");
        getFooter().add(new Button("Close", e -> close()), adopt);
        revertible(drift).ifPresent(spec -> {
            Button revert = new Button("Propose reverting it (" + spec.plan().statements().get(0).sql() + ")", e -> propose(() -> spec));
            revert.addThemeVariants(ButtonVariant.LUMO_ERROR);
            revert.setId("revert-drift");
            getFooter().add(revert);
        });
    }

    /** Drift that created an object can be reverted by dropping it. */
    static Optional<RevertDriftSpec> revertible(HistoryEntry drift) {
        Matcher created = CREATED.matcher(drift.summary());
        if (!created.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RevertDriftSpec(drift.changeId(),
                    RevertDriftSpec.DriftObject.valueOf(created.group(1).replace(' ', '_')), created.group(2)));
        } catch (SpecViolation e) {
            return Optional.empty();
        }
    }

    private void propose(java.util.function.Supplier<ChangeSpec> spec) {
        try {
            ChangeSpec proposed = spec.get();
            ChangeId id = proposals.propose(null, proposed, submitKey.of(proposed));
            close();
            getUI().ifPresent(ui -> ui.navigate(ChangeDetailView.class, ChangeDetailView.parameters(id.value())));
        } catch (SpecViolation e) {
            problem.setText(e.getMessage());
        }
    }
}
