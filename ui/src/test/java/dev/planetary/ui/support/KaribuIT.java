package dev.planetary.ui.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.security.CurrentUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Arrays;
import java.util.List;

/**
 * Browserless view tests (Karibu-Testing): the real views, services and databases of the shared
 * application context, driven server-side without a browser.
 */
public abstract class KaribuIT extends PlanetaryIT {

    private static Routes routes;

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void vaadin() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("dev.planetary.ui");
        }
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in as {@code login} with these rights, as the sign-in form would. */
    protected void signIn(String login, PlanetaryRight... rights) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(rights).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(login, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(token);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(token);
        request.setUserInRole((principal, role) -> authorities.stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
        // a sign-in starts a new session: the rights the last person had on a target are not this person's
        CurrentUser.useTargetRights(null);
    }
}
