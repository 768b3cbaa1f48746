package dev.planetary.ui.propose.config;

import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.config.DatabaseSettingSpec;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.ui.propose.CatalogChoices;

import java.util.Set;

/** ALTER DATABASE ... SET on the target's own database: a parameter sessions can set, a new value or a reset. */
public class DatabaseSettingForm extends ParameterForm {

    final TextField database = field("database", new TextField("Database"));

    public DatabaseSettingForm(CatalogChoices catalog) {
        database.setValue(catalog.currentDatabase());
        database.setReadOnly(true); // the target's own: Planetary's logins reach no other database of the server
        database.setId("database-setting-database");
        parameterFields(catalog, Set.of("user", "superuser"), "Reset: sessions in the database take the server's value again");
    }

    @Override
    protected String idPrefix() {
        return "database-setting";
    }

    @Override
    protected ChangeSpec build() {
        String name = chosenParameter();
        String typed = checkedValue();
        return value("value", () -> new DatabaseSettingSpec(Identifier.of(database.getValue()), name, typed, typed == null, null));
    }

    @Override
    public void load(ChangeSpec spec) {
        DatabaseSettingSpec s = (DatabaseSettingSpec) spec;
        database.setValue(s.database().name());
        loadParameter(s.parameter(), s.value(), s.reset());
    }
}
