package dev.planetary.ui.operations;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.registration.RegistrationCommands.RegisterTargetCommand;
import dev.planetary.kernel.registration.TargetSettings;
import dev.planetary.ui.security.CurrentUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.AccessDeniedException;

import java.util.Collection;
import java.util.Map;

/**
 * The form an operator registers a target with. The logins are the names of credentials Planetary
 * is configured with, never passwords; Planetary tests the connection once the request is recorded,
 * and another person approves it. A refused field is marked where it is typed.
 */
class RegisterTargetDialog extends Dialog {

    private final TextField target = new TextField("Target name");
    private final TextField name = new TextField("Display name");
    private final ComboBox<String> environment = new ComboBox<>("Environment");
    private final TextField url = new TextField("JDBC URL");
    private final TextField metadataLogin = new TextField("Metadata login (credential name)");
    private final TextField ddlLogin = new TextField("DDL login (credential name)");
    private final TextField colour = new TextField("Colour");
    private final Map<String, HasValidation> fields = Map.of("target", target, "name", name, "environment", environment,
            "url", url, "metadataLogin", metadataLogin, "ddlLogin", ddlLogin, "colour", colour);

    RegisterTargetDialog(CommandGateway commands, Collection<String> environments, Runnable registered) {
        setHeaderTitle("Register a target database");
        setId("register-target-dialog");
        target.setId("register-target-name");
        target.setPlaceholder("eu-west-prod");
        target.setHelperText("Lower-case letters, digits and dashes: it appears in URLs and the API");
        name.setPlaceholder("EU West (production)");
        environment.setId("register-target-environment");
        environment.setItems(environments);
        environment.setAllowCustomValue(true);
        environment.addCustomValueSetListener(e -> environment.setValue(e.getDetail()));
        environment.setHelperText("Chooses the approval rules and the frame's colour");
        url.setId("register-target-url");
        url.setPlaceholder("jdbc:postgresql://db.example.com:5432/app?sslmode=require");
        url.setHelperText("No login or password in the URL");
        metadataLogin.setId("register-target-metadata");
        metadataLogin.setHelperText("planetary.credentials.<name>: a login that reads the catalog, never rows");
        ddlLogin.setId("register-target-ddl");
        ddlLogin.setHelperText("planetary.credentials.<name>: the login that applies changes");
        colour.setPlaceholder("#rrggbb (empty: the environment's)");
        FormLayout form = new FormLayout(target, name, environment, colour, url, metadataLogin, ddlLogin);
        form.setColspan(url, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        Paragraph how = new Paragraph("Planetary connects with both logins and checks them before anyone can approve. "
                + "The target is in use once someone other than you approves it.");
        how.addClassName("target-figures");
        add(how, form);
        setWidth("min(52em, 95vw)");

        Button submit = new Button("Ask to register", e -> submit(commands, registered));
        submit.setId("register-target-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), submit);
    }

    private void submit(CommandGateway commands, Runnable registered) {
        fields.values().forEach(field -> field.setInvalid(false));
        try {
            var id = TargetParameter.parse(target.getValue());
            if (id == null) {
                throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "name the target", "target");
            }
            commands.sendAndWait(new RegisterTargetCommand(id, new TargetSettings(name.getValue(), environment.getValue(),
                    url.getValue().strip(), metadataLogin.getValue().strip(), ddlLogin.getValue().strip(), colour.getValue()),
                    CurrentUser.login()));
            Notification.show("Asked to register " + id + ": its connection is being tested", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            registered.run();
        } catch (ChangeRuleViolation e) {
            HasValidation field = e.field() == null ? null : fields.get(e.field());
            if (field != null) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
                ((Component) field).getElement().callJsFunction("focus");
            } else {
                Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        } catch (AccessDeniedException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
