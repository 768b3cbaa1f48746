package dev.planetary.ui.propose.index;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import dev.planetary.kernel.ddl.Reindex;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.index.ReindexSpec;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

/** REINDEX: one index, or every index of a table, CONCURRENTLY by default. */
public class ReindexForm extends SpecForm {

    private final CatalogChoices catalog;
    final Select<Reindex.Target> target = field("target", new Select<>());
    final ComboBox<String> schema = field("schema", new ComboBox<>("Schema"));
    final ComboBox<String> name = field("name", new ComboBox<>("Index"));
    final Checkbox concurrently = option("CONCURRENTLY: the old index serves queries until the new one replaces it");

    public ReindexForm(CatalogChoices catalog) {
        this.catalog = catalog;
        target.setLabel("Rebuild");
        target.setItems(Reindex.Target.values());
        target.setItemLabelGenerator(t -> t == Reindex.Target.INDEX ? "one index" : "every index of a table");
        target.setValue(Reindex.Target.INDEX);
        schema.setItems(catalog.schemas());
        schema.addValueChangeListener(e -> offer());
        target.addValueChangeListener(e -> offer());
        concurrently.setValue(true);
    }

    private void offer() {
        name.setLabel(target.getValue() == Reindex.Target.INDEX ? "Index" : "Table");
        if (target.getValue() == Reindex.Target.INDEX) {
            IndexChoice.offer(name, catalog, schema.getValue());
        } else {
            name.setItems(catalog.relations(schema.getValue()));
            name.setItemLabelGenerator(String::valueOf);
        }
    }

    @Override
    protected ChangeSpec build() {
        QualifiedName qualified = value("name", () -> QualifiedName.of(required("schema", schema.getValue(), "a schema"),
                required("name", name.getValue(), "what to rebuild")));
        return new ReindexSpec(target.getValue(), qualified, concurrently.getValue());
    }

    @Override
    public void load(ChangeSpec spec) {
        ReindexSpec s = (ReindexSpec) spec;
        target.setValue(s.target());
        schema.setValue(s.name().schema().name());
        name.setValue(s.name().name().name());
        concurrently.setValue(s.concurrently());
    }

    @Override
    public void preselectIndex(String schema, String index) {
        load(new ReindexSpec(Reindex.Target.INDEX, QualifiedName.of(schema, index), true));
    }
}
