package dev.planetary.ui.target;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.operations.TargetsView;
import dev.planetary.ui.support.KaribuIT;
import dev.planetary.ui.support.TestStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The targets page as an operator registers a target (a refused field is marked where it was
 * typed), as a reviewer approves it once its connection test has passed, and as the operator
 * disables it again; a viewer is offered none of it.
 */
class TargetRegistrationViewIT extends KaribuIT {

    private void fill(String id, String value) {
        _setValue(_get(TextField.class, spec -> spec.withId(id)), value);
    }

    private boolean present(String id) {
        return !_find(Button.class, spec -> spec.withId(id)).isEmpty();
    }

    /** Opens the page afresh (navigating to the page already shown would keep it as it is). */
    private void open() {
        UI.getCurrent().navigate(dev.planetary.ui.views.ProfileView.class);
        UI.getCurrent().navigate(TargetsView.class);
    }

    @Test
    void an_operator_registers_a_reviewer_approves_and_the_operator_disables() {
        String database = TestStack.STAGING.spareDatabase("ui_registered");
        signIn("bob", PlanetaryRight.REVIEWER, PlanetaryRight.OPERATOR);
        open();
        _click(_get(Button.class, spec -> spec.withId("register-target")));
        fill("register-target-name", "ui-one");
        _get(ComboBox.class, spec -> spec.withId("register-target-environment")).setValue("dev");
        fill("register-target-url", TestStack.STAGING.server().jdbcUrl(database) + "?password=oops");
        fill("register-target-metadata", "spare-meta");
        fill("register-target-ddl", "spare-ddl");
        _click(_get(Button.class, spec -> spec.withId("register-target-submit")));
        TextField url = _get(TextField.class, spec -> spec.withId("register-target-url"));
        assertThat(url.isInvalid()).as("the secret in the URL is refused on its field").isTrue();
        assertThat(url.getErrorMessage()).contains("must not carry a login or a secret");

        fill("register-target-url", TestStack.STAGING.server().jdbcUrl(database));
        _click(_get(Button.class, spec -> spec.withId("register-target-submit")));
        assertThat(_find(TextField.class, spec -> spec.withId("register-target-url"))).as("the dialog closed").isEmpty();
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
            open();
            return !_find(Span.class, spec -> spec.withId("registration-verdict-ui-one")).isEmpty();
        });
        assertThat(_get(Span.class, spec -> spec.withId("registration-verdict-ui-one")).getText()).startsWith("Connection test passed");
        assertThat(present("registration-approve-ui-one")).as("bob asked: someone else approves").isFalse();
        assertThat(present("registration-test-ui-one")).isTrue();

        signIn("carol", PlanetaryRight.REVIEWER);
        open();
        assertThat(present("register-target")).as("only operators register").isFalse();
        _click(_get(Button.class, spec -> spec.withId("registration-approve-ui-one")));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            open();
            return !_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("target-ui-one")).isEmpty();
        });
        assertThat(present("disable-ui-one")).as("only operators disable").isFalse();

        signIn("bob", PlanetaryRight.REVIEWER, PlanetaryRight.OPERATOR);
        open();
        _click(_get(Button.class, spec -> spec.withId("disable-ui-one")));
        _click(_get(Button.class, spec -> spec.withId("disable-target-confirm")));
        assertThat(_get(TextField.class, spec -> spec.withId("disable-target-reason")).isInvalid()).as("a reason is needed").isTrue();
        fill("disable-target-reason", "tried the form");
        _click(_get(Button.class, spec -> spec.withId("disable-target-confirm")));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            open();
            return _find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("target-ui-one")).isEmpty();
        });
        assertThat(_get(Span.class, spec -> spec.withId("decision-ui-one")).getText())
                .startsWith("ui-one (dev): disabled by bob ").endsWith(" — tried the form");
    }

    @Test
    void a_viewer_is_offered_no_registration() {
        signIn("victor", PlanetaryRight.VIEWER);
        open();
        assertThat(present("register-target")).isFalse();
    }
}
