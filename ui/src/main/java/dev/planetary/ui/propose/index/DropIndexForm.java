package dev.planetary.ui.propose.index;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.index.DropIndexSpec;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

/** DROP INDEX: the schema, one of its indexes, CONCURRENTLY (on by default) or CASCADE. */
public class DropIndexForm extends SpecForm {

    final ComboBox<String> schema = field("schema", new ComboBox<>("Schema"));
    final ComboBox<String> index = field("index", new ComboBox<>("Index"));
    final Checkbox concurrently = option("CONCURRENTLY: queries go on while the index is dropped");
    final Checkbox cascade = option("CASCADE: also drop the constraints that use it (not concurrently)");

    public DropIndexForm(CatalogChoices catalog) {
        schema.setItems(catalog.schemas());
        schema.addValueChangeListener(e -> IndexChoice.offer(index, catalog, e.getValue()));
        concurrently.setValue(true);
        cascade.addValueChangeListener(e -> {
            if (e.getValue()) {
                concurrently.setValue(false);
            }
        });
    }

    @Override
    protected ChangeSpec build() {
        QualifiedName name = value("index", () -> QualifiedName.of(required("schema", schema.getValue(), "a schema"),
                required("index", index.getValue(), "an index")));
        return new DropIndexSpec(name, concurrently.getValue(), cascade.getValue(), null);
    }

    @Override
    public void load(ChangeSpec spec) {
        DropIndexSpec s = (DropIndexSpec) spec;
        schema.setValue(s.index().schema().name());
        index.setValue(s.index().name().name());
        concurrently.setValue(s.concurrently());
        cascade.setValue(s.cascade());
    }

    @Override
    public void preselectIndex(String schema, String index) {
        load(new DropIndexSpec(QualifiedName.of(schema, index), true, false, null));
    }
}
