package dev.planetary.ui.propose.config;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.config.AlterSystemSpec;
import dev.planetary.ui.propose.CatalogChoices;

import java.util.Set;

/** ALTER SYSTEM: a parameter the server lets change (not the internal ones), a new value or a reset. */
public class AlterSystemForm extends ParameterForm {

    private static final Set<String> CHANGEABLE = Set.of("user", "superuser", "backend", "superuser-backend", "sighup", "postmaster");

    public AlterSystemForm(CatalogChoices catalog) {
        parameterFields(catalog, CHANGEABLE, "Reset to the server's default (remove the line from postgresql.auto.conf)");
    }

    @Override
    protected String idPrefix() {
        return "alter-system";
    }

    @Override
    protected ChangeSpec build() {
        String name = chosenParameter();
        String typed = checkedValue();
        return value(typed == null ? "parameter" : "value", () -> new AlterSystemSpec(name, typed, typed == null, null));
    }

    @Override
    public void load(ChangeSpec spec) {
        AlterSystemSpec s = (AlterSystemSpec) spec;
        loadParameter(s.parameter(), s.value(), s.reset());
    }
}
