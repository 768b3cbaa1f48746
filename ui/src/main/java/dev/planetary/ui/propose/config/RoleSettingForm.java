package dev.planetary.ui.propose.config;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.config.RoleSettingSpec;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.ui.propose.CatalogChoices;

import java.util.Set;

/**
 * ALTER ROLE ... [IN DATABASE ...] SET: a role, in every database or in the target's, and a parameter
 * sessions can set (search_path, statement_timeout, work_mem, ...), a new value or a reset.
 */
public class RoleSettingForm extends ParameterForm {

    static final String EVERY_DATABASE = "every database";

    final ComboBox<String> role = field("role", new ComboBox<>("Role"));
    final ComboBox<String> database = field("database", new ComboBox<>("In database"));

    public RoleSettingForm(CatalogChoices catalog) {
        role.setItems(catalog.roles());
        role.setId("role-setting-role");
        String own = catalog.currentDatabase();
        database.setItems(EVERY_DATABASE, own);
        database.setValue(EVERY_DATABASE);
        database.setId("role-setting-database");
        parameterFields(catalog, Set.of("user", "superuser"), "Reset: the role takes the server's value again");
    }

    @Override
    protected String idPrefix() {
        return "role-setting";
    }

    @Override
    protected ChangeSpec build() {
        String roleName = required("role", role.getValue(), "a role");
        Identifier in = database.getValue() == null || EVERY_DATABASE.equals(database.getValue()) ? null : Identifier.of(database.getValue());
        String name = chosenParameter();
        String typed = checkedValue();
        return value("value", () -> new RoleSettingSpec(Identifier.of(roleName), in, name, typed, typed == null, null));
    }

    @Override
    public void load(ChangeSpec spec) {
        RoleSettingSpec s = (RoleSettingSpec) spec;
        role.setValue(s.role().name());
        database.setValue(s.database() == null ? EVERY_DATABASE : s.database().name());
        loadParameter(s.parameter(), s.value(), s.reset());
    }
}
