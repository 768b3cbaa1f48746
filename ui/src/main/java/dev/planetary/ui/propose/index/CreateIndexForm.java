package dev.planetary.ui.propose.index;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.ddl.IndexMethod;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.index.CreateIndexSpec;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.TableForm;

import java.util.List;

/**
 * CREATE INDEX: the table, a name, the access method, the keys in order (columns of the table or
 * expressions in parentheses, DESC where wanted), INCLUDE columns, a partial index's WHERE,
 * UNIQUE, and CONCURRENTLY, on by default.
 */
public class CreateIndexForm extends TableForm {

    private final CatalogChoices catalog;
    final TextField name = field("name", new TextField("Index name"));
    final Select<IndexMethod> method = field("method", new Select<>());
    final TextField keys = field("keys", new TextField("Keys, in order"));
    final MultiSelectComboBox<String> include = field("include", new MultiSelectComboBox<>("INCLUDE columns (btree, gist)"));
    final TextField where = field("where", new TextField("Only rows where (partial index, SQL)"));
    final Checkbox unique = option("UNIQUE: refuse duplicate keys");
    final Checkbox concurrently = option("CONCURRENTLY: the table takes writes while the index builds");

    public CreateIndexForm(CatalogChoices catalog) {
        super(catalog, "Table");
        this.catalog = catalog;
        method.setLabel("Access method");
        method.setItems(IndexMethod.values());
        method.setItemLabelGenerator(IndexMethod::sql);
        method.setValue(IndexMethod.BTREE);
        keys.setPlaceholder("customer_id, updated_at DESC, (lower(email))");
        keys.setHelperText("columns of the table, or expressions in parentheses");
        where.setPlaceholder("status = 'open'");
        concurrently.setValue(true);
        table.addValueChangeListener(e -> include.setItems(catalog.columns(schema.getValue(), e.getValue())));
        name.setId("index-name");
        keys.setId("index-keys");
    }

    @Override
    protected ChangeSpec build() {
        QualifiedName table = relation();
        List<String> columns = catalog.columns(table.schema().name(), table.name().name());
        Identifier index = value("name", () -> Identifier.of(required("name", name.getValue(), "a name for the index")));
        return new CreateIndexSpec(table, index, method.getValue(), value("keys", () -> KeyList.parse(keys.getValue(), columns)),
                include.getValue().stream().sorted().map(Identifier::of).toList(),
                value("where", () -> where.getValue().isBlank() ? null : SqlFragment.of(where.getValue())),
                unique.getValue(), concurrently.getValue());
    }

    @Override
    public void suggestIndex(String suggestedName, String suggestedKeys) {
        name.setValue(suggestedName);
        keys.setValue(suggestedKeys);
    }

    @Override
    public void load(ChangeSpec spec) {
        CreateIndexSpec s = (CreateIndexSpec) spec;
        preselect(s.table());
        name.setValue(s.name().name());
        method.setValue(s.method());
        keys.setValue(KeyList.format(s.keys()));
        include.setValue(s.include().stream().map(Identifier::name).toList());
        where.setValue(s.where() == null ? "" : s.where().sql());
        unique.setValue(s.unique());
        concurrently.setValue(s.concurrently());
    }
}
