package dev.planetary.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileViewIT extends KaribuIT {

    @Test
    void a_bad_address_is_refused_on_its_field_and_a_good_one_is_saved() {
        signIn("dave", PlanetaryRight.REQUESTER, PlanetaryRight.REVIEWER);
        UI.getCurrent().navigate(ProfileView.class);
        EmailField email = _get(EmailField.class);
        _setValue(email, "dave-at-example");
        _click(_get(Button.class, b -> b.withText("Save")));
        assertThat(email.isInvalid()).isTrue();
        assertThat(api.get("dave", "/api/me").body().path("email").isNull()).isTrue();

        _setValue(_get(TextField.class, t -> t.withLabel("Display name")), "Dave D.");
        _setValue(email, "dave@example.test");
        _click(_get(Button.class, b -> b.withText("Save")));
        assertThat(api.get("dave", "/api/me").body().path("email").asText()).isEqualTo("dave@example.test");
    }
}
