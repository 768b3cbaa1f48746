package dev.planetary.ui.propose.function;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.function.DropFunctionSpec;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;

import java.util.List;

/**
 * DROP FUNCTION: pick the function by its signature from the catalog; below it, what CASCADE would
 * take with it (PostgreSQL refuses the drop without CASCADE when anything depends on it).
 */
public class DropFunctionForm extends SpecForm {

    final ComboBox<Catalog.Function> function = field("name", new ComboBox<>("Function"));
    final Checkbox cascade = option("CASCADE: also drop everything that depends on it");
    final Div dependents = new Div();

    private final CatalogChoices catalog;

    public DropFunctionForm(CatalogChoices catalog) {
        this.catalog = catalog;
        function.setItems(catalog.functions().stream().filter(f -> f.kind() == Catalog.RoutineKind.FUNCTION).toList());
        function.setItemLabelGenerator(Catalog.Function::signature);
        function.setId("drop-function");
        function.setWidth("32em");
        function.addValueChangeListener(e -> showDependents(e.getValue()));
        dependents.setId("drop-cascade-preview");
        layout.add(dependents);
        layout.setColspan(dependents, 2);
    }

    private void showDependents(Catalog.Function chosen) {
        dependents.removeAll();
        if (chosen == null) {
            return;
        }
        List<Catalog.Dependent> found = catalog.functionDependents(chosen.oid());
        if (found.isEmpty()) {
            dependents.add(new Paragraph("Nothing depends on " + chosen.signature() + ": CASCADE would remove nothing else."));
            return;
        }
        dependents.add(new Paragraph(found.size() + " object(s) depend on " + chosen.signature()
                + ". Without CASCADE PostgreSQL refuses the drop; with it, these go too:"));
        UnorderedList list = new UnorderedList();
        found.forEach(d -> list.add(new ListItem(d.description())));
        dependents.add(list);
    }

    /** The argument types that name a function in DROP FUNCTION: the input ones. */
    public static List<String> inputTypes(Catalog.Function function) {
        return function.arguments().stream()
                .filter(a -> a.mode() != Catalog.ArgumentMode.OUT && a.mode() != Catalog.ArgumentMode.TABLE)
                .map(Catalog.Argument::type).toList();
    }

    @Override
    protected ChangeSpec build() {
        Catalog.Function chosen = function.getValue();
        if (chosen == null) {
            throw new Invalid("name", "choose a function");
        }
        List<TypeName> types = value("name", () -> inputTypes(chosen).stream().map(TypeName::of).toList());
        return new DropFunctionSpec(QualifiedName.of(chosen.schema(), chosen.name()), types, cascade.getValue());
    }

    @Override
    public void load(ChangeSpec spec) {
        DropFunctionSpec s = (DropFunctionSpec) spec;
        List<String> types = s.argumentTypes().stream().map(TypeName::name).toList();
        function.getListDataView().getItems()
                .filter(f -> f.schema().equals(s.name().schema().name()) && f.name().equals(s.name().name().name())
                        && inputTypes(f).equals(types))
                .findFirst().ifPresent(function::setValue);
        cascade.setValue(s.cascade());
    }

    @Override
    public void preselectFunction(long oid) {
        function.getListDataView().getItems().filter(f -> f.oid() == oid).findFirst().ifPresent(function::setValue);
    }
}
