package dev.planetary.ui.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.planetary.kernel.plan.CatalogEffect;

import java.util.List;

/**
 * What a dry-run saw the plan change in the catalog before the rollback, for reviewers to compare
 * with what the change says it does. Empty when nothing changed (a failed statement, an adopted drift).
 */
final class CatalogChanges {

    private CatalogChanges() {
    }

    static Component of(List<CatalogEffect> changes) {
        Div box = new Div();
        box.setId("dry-run-changes");
        if (changes.isEmpty()) {
            box.add(new Span("The catalog was not changed."));
            return box;
        }
        box.add(new Span("It changed, in the catalog:"));
        UnorderedList list = new UnorderedList();
        changes.forEach(change -> list.add(new ListItem(change.display())));
        box.add(list);
        return box;
    }
}
