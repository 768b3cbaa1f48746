package dev.planetary.ui.propose.policy;

import dev.planetary.ui.propose.CatalogChoices;
import dev.planetary.ui.propose.TableObjectForm;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.policy.DropPolicySpec;

/** DROP POLICY: pick the table, then one of its policies. */
public class DropPolicyForm extends TableObjectForm {

    public DropPolicyForm(CatalogChoices catalog) {
        super(catalog, "Policy", catalog::policies);
    }


    @Override
    protected ChangeSpec build() {
        return new DropPolicySpec(relation(), object("a policy"));
    }

    @Override
    public void load(ChangeSpec spec) {
        DropPolicySpec s = (DropPolicySpec) spec;
        preselect(s.table());
        name.setValue(s.name().name());
    }
}
