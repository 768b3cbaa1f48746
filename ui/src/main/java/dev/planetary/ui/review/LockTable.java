package dev.planetary.ui.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.plan.LockPreview;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.LockLint;

/**
 * The locks a dry-run's transaction took, per relation, strongest first: mode (red where it keeps
 * writers out), size, and the sessions using the relation at that moment; then the lock review
 * notes. Text goes in through Vaadin's text nodes only (relation names are the catalog's).
 */
final class LockTable {

    private LockTable() {
    }

    static Component of(DryRunOutcome dryRun) {
        Div box = new Div();
        box.setId("lock-preview");
        if (dryRun.locks().isEmpty()) {
            box.add(new Span("It took no locks on tables, indexes or views."));
            return box;
        }
        box.add(new Span("Locks it takes (read from pg_locks before the rollback):"));
        Div table = new Div();
        table.addClassName("lock-table");
        table.add(cell("relation", "lock-head"), cell("lock", "lock-head"), cell("size", "lock-head"), cell("sessions now", "lock-head"));
        dryRun.locks().stream()
                .sorted((a, b) -> Integer.compare(LockPreview.strength(b.mode()), LockPreview.strength(a.mode())))
                .forEach(lock -> {
                    table.add(cell(lock.kind() + " " + lock.relation(), null));
                    Span mode = cell(LockPreview.spoken(lock.mode()) + (lock.rehearsedAs() == null ? ""
                            : " (the dry-run's rehearsal took " + LockPreview.spoken(lock.rehearsedAs()) + ")"), null);
                    mode.getElement().getThemeList().add("badge");
                    mode.getElement().getThemeList().add(lock.blocksWrites() ? "error" : "contrast");
                    table.add(mode, cell(LockLint.size(lock.sizeBytes()), null), cell(String.valueOf(lock.sessions()), null));
                });
        box.add(table);
        for (LintFinding finding : dryRun.lockFindings()) {
            Div note = new Div(new Span("⚠ " + finding.message()));
            note.getElement().setAttribute("data-rule", finding.rule());
            note.addClassName("lock-finding");
            box.add(note);
        }
        return box;
    }

    private static Span cell(String text, String css) {
        Span cell = new Span(text);
        if (css != null) {
            cell.addClassName(css);
        }
        return cell;
    }
}
