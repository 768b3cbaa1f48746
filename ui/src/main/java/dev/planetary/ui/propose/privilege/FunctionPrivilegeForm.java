package dev.planetary.ui.propose.privilege;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.SpecForm;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.privilege.FunctionPrivilegeSpec;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;

import java.util.List;

/** GRANT / REVOKE EXECUTE on one function, picked with its signature. */
public class FunctionPrivilegeForm extends SpecForm {

    final RadioButtonGroup<PrivilegeAction> action = field("action", new RadioButtonGroup<>("Action"));
    final ComboBox<Catalog.Function> function = field("function", new ComboBox<>("Function"));
    final ComboBox<String> grantee = field("grantee", new ComboBox<>("Role"));
    final Checkbox grantOption = option("With grant option");

    public FunctionPrivilegeForm(CatalogChoices catalog) {
        action.setItems(PrivilegeAction.values());
        action.setValue(PrivilegeAction.GRANT);
        function.setItems(catalog.functions());
        function.setItemLabelGenerator(Catalog.Function::signature);
        grantee.setItems(catalog.grantees());
    }



    /** The argument types that name a function in GRANT ... ON FUNCTION: the input ones. */
    private static List<String> inputTypes(Catalog.Function function) {
        return function.arguments().stream()
                .filter(a -> a.mode() != Catalog.ArgumentMode.OUT && a.mode() != Catalog.ArgumentMode.TABLE)
                .map(Catalog.Argument::type).toList();
    }

    @Override
    protected ChangeSpec build() {
        Catalog.Function chosen = function.getValue();
        if (chosen == null) {
            throw new Invalid("function", "choose a function");
        }
        List<TypeName> types = value("function", () -> inputTypes(chosen).stream().map(TypeName::of).toList());
        Grantee role = value("grantee", () -> Grantee.of(required("grantee", grantee.getValue(), "a role")));
        return new FunctionPrivilegeSpec(action.getValue(), QualifiedName.of(chosen.schema(), chosen.name()), types, role,
                grantOption.getValue());
    }

    @Override
    public void load(ChangeSpec spec) {
        FunctionPrivilegeSpec s = (FunctionPrivilegeSpec) spec;
        action.setValue(s.action());
        List<String> types = s.argumentTypes().stream().map(TypeName::name).toList();
        function.getListDataView().getItems()
                .filter(f -> f.schema().equals(s.function().schema().name()) && f.name().equals(s.function().name().name())
                        && inputTypes(f).equals(types))
                .findFirst().ifPresent(function::setValue);
        grantee.setValue(s.grantee().display());
        grantOption.setValue(s.withGrantOption());
    }
}
