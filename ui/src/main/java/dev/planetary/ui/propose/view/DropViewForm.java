package dev.planetary.ui.propose.view;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.TableForm;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.view.DropViewSpec;

import java.util.List;

/** DROP VIEW, with what a CASCADE would take along, read from the catalog's dependencies. */
public class DropViewForm extends TableForm {

    private final CatalogChoices catalog;
    final Checkbox cascade = option("CASCADE: also drop what depends on the view");
    final Div dependents = new Div();

    public DropViewForm(CatalogChoices catalog) {
        super(catalog, "View");
        this.catalog = catalog;
        dependents.setId("drop-dependents");
        table.addValueChangeListener(e -> showDependents());
        layout.add(dependents);
        layout.setColspan(dependents, 2);
    }

    private void showDependents() {
        dependents.removeAll();
        if (table.getValue() == null) {
            return;
        }
        List<Catalog.Dependent> chain = catalog.dropCascade(schema.getValue(), table.getValue());
        if (chain.isEmpty()) {
            dependents.add(new Paragraph("Nothing depends on this view: CASCADE would drop nothing more."));
            return;
        }
        dependents.add(new Paragraph("DROP … CASCADE would also drop:"));
        for (Catalog.Dependent dependent : chain) {
            Span line = new Span("  ".repeat(dependent.depth()) + dependent.kind() + " " + dependent.identity());
            line.getStyle().set("display", "block").set("font-family", "var(--lumo-font-family-monospace, monospace)");
            dependents.add(line);
        }
    }

    @Override
    protected ChangeSpec build() {
        return new DropViewSpec(relation(), cascade.getValue());
    }

    @Override
    public void load(ChangeSpec spec) {
        DropViewSpec s = (DropViewSpec) spec;
        preselect(s.name());
        cascade.setValue(s.cascade());
    }
}
