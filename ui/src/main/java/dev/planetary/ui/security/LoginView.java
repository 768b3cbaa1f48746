package dev.planetary.ui.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;

/** Sign-in with a PostgreSQL login role of the target database. */
@Route("login")
@PageTitle("Sign in · Planetary")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        i18n.getForm().setTitle("Sign in to Planetary");
        i18n.getForm().setUsername("PostgreSQL login");
        i18n.getErrorMessage().setTitle("Wrong login or password");
        i18n.getErrorMessage().setMessage("Use your PostgreSQL login role of the target database.");
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        add(new H1("Planetary"), new Paragraph("The control plane for your PostgreSQL layer"), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed && lastFailure() instanceof SignInThrottledException throttled) {
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            i18n.getErrorMessage().setMessage("Planetary did not check this attempt, to slow down password guessing. Try again in "
                    + throttled.retryAfterSeconds() + " s.");
        } else {
            i18n.getErrorMessage().setTitle("Wrong login or password");
            i18n.getErrorMessage().setMessage("Use your PostgreSQL login role of the target database.");
        }
        form.setI18n(i18n);
        form.setError(failed);
    }

    /** Why the last sign-in failed, as Spring Security kept it in the session. */
    private static Object lastFailure() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
