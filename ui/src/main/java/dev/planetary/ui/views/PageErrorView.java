package dev.planetary.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import dev.planetary.ui.persistence.ControlPlane;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a page shows when it could not be opened, instead of a stack trace: in words when Planetary's
 * own database cannot be reached (503), and otherwise that the server log has the details (500).
 * Without the main layout, which may need that database itself. More specific failures (a target
 * that does not answer, a page that does not exist) have views of their own.
 */
@PermitAll
public class PageErrorView extends VerticalLayout implements HasErrorParameter<RuntimeException> {

    private static final Logger log = LoggerFactory.getLogger(PageErrorView.class);

    private final ControlPlane controlPlane;

    public PageErrorView(ControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<RuntimeException> parameter) {
        removeAll();
        boolean controlPlaneDown = controlPlane.isDown(parameter.getException());
        Paragraph words;
        if (controlPlaneDown) {
            log.warn("a page could not be opened: Planetary's database cannot be reached");
            words = new Paragraph(PlanetaryErrorHandling.CONTROL_PLANE_DOWN);
        } else {
            log.error("a page could not be opened", parameter.getException());
            words = new Paragraph("Planetary could not open '" + event.getLocation().getPath()
                    + "'; nothing was changed. The server log has the details.");
        }
        Icon icon = (controlPlaneDown ? VaadinIcon.DATABASE : VaadinIcon.WARNING).create();
        icon.setSize("48px");
        icon.setColor("var(--lumo-error-color)");
        H2 title = new H2(controlPlaneDown ? "Planetary's database cannot be reached" : "This page could not be opened");
        title.setId(controlPlaneDown ? "control-plane-down" : "page-error");
        Button again = new Button("Try again", VaadinIcon.REFRESH.create(),
                click -> UI.getCurrent().getPage().setLocation(event.getLocation().getPathWithQueryParameters()));
        again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor queue = new Anchor("", "Review queue");
        HorizontalLayout actions = new HorizontalLayout(again, queue);
        actions.setAlignItems(Alignment.CENTER);
        VerticalLayout card = new VerticalLayout(icon, title, words, actions);
        card.setMaxWidth("640px");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("box-shadow", "var(--lumo-box-shadow-s)").set("padding", "var(--lumo-space-xl)").set("margin-top", "10vh");
        add(card);
        setAlignItems(Alignment.CENTER);
        return controlPlaneDown ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
