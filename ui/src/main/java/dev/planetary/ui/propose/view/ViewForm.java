package dev.planetary.ui.propose.view;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.ColumnPicker;
import dev.planetary.ui.propose.TableForm;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.view.CreateViewSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.stream.Collectors;

/**
 * The view builder: a view over one table, column by column (as stored or masked), its grantees,
 * and how it meets row security. The preview's findings warn when the choice bypasses the table's
 * policies.
 */
public class ViewForm extends TableForm {

    private final CatalogChoices catalog;
    final TextField name = field("name", new TextField("View name"));
    final MultiSelectComboBox<String> grantees = field("grantees", new MultiSelectComboBox<>("Granted SELECT to"));
    final TextField comment = field("comment", new TextField("Comment"));
    final Checkbox barrier = option("security_barrier: callers' functions never run before the view's own conditions");
    final Checkbox invoker = option("security_invoker: check the caller's rights and policies, not the owner's");
    final Checkbox replace = option("Replace the existing view of this name (edit)");
    private final Div columnsHolder = new Div();
    private ColumnPicker picker;
    private Runnable changed = () -> {
    };

    public ViewForm(CatalogChoices catalog) {
        super(catalog, "Table (source)");
        this.catalog = catalog;
        name.setValueChangeMode(ValueChangeMode.LAZY);
        comment.setValueChangeMode(ValueChangeMode.LAZY);
        grantees.setItems(catalog.grantees());
        barrier.setValue(true);
        table.addValueChangeListener(e -> sourceChosen());
        Paragraph hint = new Paragraph("A view reads its table as its owner (the table's owner here): unless row security is"
                + " forced, the owner skips the table's policies and so does every caller. security_invoker checks the caller"
                + " instead, who then needs rights on the table.");
        hint.addClassName("hint");
        layout.add(hint, columnsHolder);
        layout.setColspan(hint, 2);
        layout.setColspan(columnsHolder, 2);
    }

    private void sourceChosen() {
        columnsHolder.removeAll();
        picker = null;
        if (table.getValue() == null) {
            return;
        }
        if (name.isEmpty()) {
            name.setValue(table.getValue() + "_view");
        }
        picker = new ColumnPicker(catalog.columnDetails(schema.getValue(), table.getValue()), false, () -> changed.run());
        columnsHolder.add(picker);
    }

    @Override
    public void onChange(Runnable listener) {
        super.onChange(listener);
        this.changed = listener;
    }

    @Override
    protected ChangeSpec build() {
        QualifiedName source = relation();
        Identifier view = value("name", () -> Identifier.of(required("name", name.getValue(), "a view name")));
        if (picker == null) {
            throw new Invalid("table", "choose the table the view shows");
        }
        return new CreateViewSpec(new QualifiedName(source.schema(), view), source, picker.chosen(), barrier.getValue(),
                invoker.getValue(), grantees.getValue().stream().sorted().map(Grantee::of).toList(), replace.getValue(),
                comment.getValue(), null);
    }

    @Override
    public void load(ChangeSpec spec) {
        CreateViewSpec s = (CreateViewSpec) spec;
        preselect(s.source());
        name.setValue(s.name().name().name());
        picker.load(s.columns());
        barrier.setValue(s.securityBarrier());
        invoker.setValue(s.securityInvoker());
        replace.setValue(s.replace());
        grantees.setValue(s.grantees().stream().map(Grantee::display).collect(Collectors.toSet()));
        comment.setValue(s.comment() == null ? "" : s.comment());
    }

    /** For tests. */
    ColumnPicker picker() {
        return picker;
    }
}
