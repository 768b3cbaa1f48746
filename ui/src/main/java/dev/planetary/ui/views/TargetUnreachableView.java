package dev.planetary.ui.views;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import dev.planetary.ui.target.TargetUnreachableException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** What a page shows when its target did not answer: which target, and the way to the others. */
@ParentLayout(MainLayout.class)
@PermitAll
public class TargetUnreachableView extends VerticalLayout implements HasErrorParameter<TargetUnreachableException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<TargetUnreachableException> parameter) {
        removeAll();
        H2 title = new H2("The target " + parameter.getException().target() + " is not answering");
        title.setId("target-unreachable");
        add(title,
                new Paragraph("Planetary could not open a connection to this target's server within a few seconds. "
                        + "Nothing was changed. The other targets are not affected: choose one in the header, or see "
                        + "every target's health on the targets page."),
                new Anchor("targets", "Every target's health →"));
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
