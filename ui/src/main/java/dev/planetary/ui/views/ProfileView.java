package dev.planetary.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.planetary.kernel.identity.Profile;
import dev.planetary.kernel.identity.ProfileMessages.FindProfileQuery;
import dev.planetary.kernel.identity.ProfileMessages.SaveProfileCommand;
import dev.planetary.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.stream.Collectors;

/** Your display name and the address Planetary mails when your changes need you. */
@Route(value = "profile", layout = MainLayout.class)
@PageTitle("Profile · Planetary")
@PermitAll
public class ProfileView extends VerticalLayout {

    final TextField displayName = new TextField("Display name");
    final EmailField email = new EmailField("E-mail for notifications");
    final Button save = new Button("Save");

    public ProfileView(QueryGateway queries, CommandGateway commands) {
        setMaxWidth("700px");
        String login = CurrentUser.login();
        Profile profile = queries.query(new FindProfileQuery(login), ResponseTypes.optionalInstanceOf(Profile.class)).join()
                .orElse(new Profile(login, null, null));
        displayName.setValue(profile.displayName() == null ? "" : profile.displayName());
        email.setValue(profile.email() == null ? "" : profile.email());
        email.setErrorMessage("This is not an e-mail address");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            String address = email.getValue().strip();
            if (!address.isEmpty() && (email.isInvalid() || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
                email.setInvalid(true);
                return;
            }
            if (displayName.getValue().length() > 200) {
                displayName.setInvalid(true);
                displayName.setErrorMessage("At most 200 characters");
                return;
            }
            commands.sendAndWait(new SaveProfileCommand(login,
                    displayName.getValue().isBlank() ? null : displayName.getValue().strip(), address.isEmpty() ? null : address));
            Notification.show("Saved", 2000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        String rights = CurrentUser.rights().stream().map(r -> r.name().toLowerCase()).collect(Collectors.joining(", "));
        add(new H2("Your profile"), new Paragraph("Signed in as " + login + " (PostgreSQL login) · rights: "
                + (rights.isEmpty() ? "none" : rights)), new FormLayout(displayName, email), save);
    }
}
