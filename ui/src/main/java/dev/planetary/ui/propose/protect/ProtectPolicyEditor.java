package dev.planetary.ui.propose.protect;

import dev.planetary.ui.propose.SpecForm;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.planetary.kernel.policy.PolicyTemplate;
import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.spec.protect.RowPolicy;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.function.Consumer;

/** One row policy of a protection: name, command, mode and the two expressions (the requester's SQL). */
class ProtectPolicyEditor extends VerticalLayout {

    final TextField name = new TextField("Policy name");
    final Select<PolicyCommand> command = new Select<>();
    final Select<PolicyMode> mode = new Select<>();
    final TextArea using = new TextArea("USING (rows a view shows)");
    final TextArea withCheck = new TextArea("WITH CHECK (rows a write may leave)");

    ProtectPolicyEditor(Runnable changed, Consumer<ProtectPolicyEditor> remove, Consumer<ProtectPolicyEditor> saveAsTemplate) {
        addClassName("protect-policy");
        getStyle().set("border-left", "3px solid var(--lumo-primary-color-50pct)");
        command.setLabel("Command");
        command.setItems(PolicyCommand.values());
        command.setValue(PolicyCommand.ALL);
        mode.setLabel("Mode");
        mode.setItems(PolicyMode.values());
        mode.setValue(PolicyMode.PERMISSIVE);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        for (TextArea expression : java.util.List.of(using, withCheck)) {
            ProtectForm.styleCode(expression);
            expression.addValueChangeListener(e -> changed.run());
        }
        name.addValueChangeListener(e -> changed.run());
        command.addValueChangeListener(e -> changed.run());
        mode.addValueChangeListener(e -> changed.run());
        com.vaadin.flow.component.button.Button save = new com.vaadin.flow.component.button.Button("Save as template",
                e -> saveAsTemplate.accept(this));
        save.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        save.addClassName("save-template");
        HorizontalLayout header = new HorizontalLayout(name, command, mode, save, ProtectForm.removeButton(() -> remove.accept(this)));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(header, using, withCheck);
    }

    void fill(String policyName, PolicyTemplate.Filled filled) {
        name.setValue(policyName);
        command.setValue(filled.command());
        mode.setValue(filled.mode());
        using.setValue(filled.using() == null ? "" : filled.using().sql());
        withCheck.setValue(filled.withCheck() == null ? "" : filled.withCheck().sql());
    }

    void load(RowPolicy policy) {
        fill(policy.name().name(), new PolicyTemplate.Filled(policy.command(), policy.mode(), policy.using(), policy.withCheck()));
    }

    RowPolicy policy(String at) {
        Identifier policyName = SpecForm.value(at + ".name", () -> Identifier.of(SpecForm.required(at + ".name", name.getValue(), "a policy name")));
        SqlFragment usingSql = SpecForm.value(at + ".using", () -> using.isEmpty() ? null : SqlFragment.of(using.getValue()));
        SqlFragment checkSql = SpecForm.value(at + ".withCheck", () -> withCheck.isEmpty() ? null : SqlFragment.of(withCheck.getValue()));
        try {
            return new RowPolicy(policyName, command.getValue(), mode.getValue(), usingSql, checkSql);
        } catch (SpecViolation e) {
            throw new SpecViolation(at + "." + e.field(), e.getMessage());
        }
    }

    void showError(SpecForm.Invalid invalid, int index) {
        String prefix = "policies[" + index + "].";
        if (!invalid.field().startsWith(prefix)) {
            return;
        }
        switch (invalid.field().substring(prefix.length())) {
            case "name" -> mark(name, invalid);
            case "withCheck" -> mark(withCheck, invalid);
            default -> mark(using, invalid);
        }
    }

    private static void mark(com.vaadin.flow.component.HasValidation field, SpecForm.Invalid invalid) {
        field.setErrorMessage(invalid.getMessage());
        field.setInvalid(true);
    }

    void clearErrors() {
        name.setInvalid(false);
        using.setInvalid(false);
        withCheck.setInvalid(false);
    }
}
